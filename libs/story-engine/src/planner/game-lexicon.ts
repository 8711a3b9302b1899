import type { Tone } from '@storyos/contracts';

/**
 * More of the game's phrase banks per tone, on top of TONE_LEXICON, so ten
 * turns in a row do not hear the same line twice; and the short, plain
 * sentences the TinyStories model is prompted with (its own register).
 */
export interface GameLexicon {
  sounds: string[];
  feelings: string[];
  /** What a character already in the scene does ({npc}, no place). */
  acts: string[];
  /** The model's scene: TinyStories-style sentences about the mood. */
  scene: string;
}

export const GAME_LEXICON: Record<Tone, GameLexicon> = {
  mysterious: {
    sounds: ['A floorboard groaned somewhere overhead.', 'Water dripped slowly in the dark.', 'A candle guttered, though there was no wind.', 'Far off, someone hummed a tune you almost knew.'],
    feelings: ['The silence felt heavier than before.', 'You could not shake the sense that you had been here before.', 'Questions crowded your mind.', 'The back of your neck prickled.'],
    acts: ['{npc} watched you without a word.', '{npc} traced a finger along the dusty wall.', '{npc} tilted their head, listening.', '{npc} glanced over their shoulder.'],
    scene: 'It was dark and quiet. Something strange was hidden there.',
  },
  whimsical: {
    sounds: ['A kettle somewhere began to hum along.', 'The clouds rumbled politely.', 'A door giggled as it swung open.', 'Somebody’s umbrella sang a little song.'],
    feelings: ['Your heart did a happy little hop.', 'It felt like the start of an adventure.', 'You felt as light as a feather.', 'Curiosity tickled your nose.'],
    acts: ['{npc} hopped from one foot to the other.', '{npc} wiggled their nose thoughtfully.', '{npc} waved both arms at once.', '{npc} spun a slow circle and grinned.'],
    scene: 'It was a bright and funny day. Everything was full of magic.',
  },
  heroic: {
    sounds: ['A banner snapped in the wind.', 'Somewhere, a drum began to beat.', 'Hooves thundered on the road.', 'A war cry rose and faded.'],
    feelings: ['Your hand found the hilt of your sword.', 'Hope flickered, bright and stubborn.', 'You took a steadying breath.', 'This was the moment you had trained for.'],
    acts: ['{npc} tightened the straps of their armour.', '{npc} gave you a firm nod.', '{npc} scanned the walls for danger.', '{npc} raised a hand for silence.'],
    scene: 'It was a big day. Everyone was brave and strong.',
  },
  dark: {
    sounds: ['Something scraped against stone below.', 'A crow screamed once and fell silent.', 'Chains rattled in the dark.', 'The wind moaned through broken glass.'],
    feelings: ['Cold fear coiled in your stomach.', 'You wished you had brought more light.', 'Every shadow seemed to lean closer.', 'Your mouth went dry.'],
    acts: ['{npc} said nothing, eyes fixed on the dark.', '{npc} drew a cloak tighter.', '{npc} stepped back from the shadows.', '{npc} muttered something under their breath.'],
    scene: 'It was very dark and cold.',
  },
  cozy: {
    sounds: ['A kettle began to sing.', 'Rain pattered softly on the roof.', 'Somewhere a cat purred.', 'A clock chimed the half hour.'],
    feelings: ['Warmth spread right through you.', 'You felt at home here.', 'A small smile found its way onto your face.', 'Everything felt a little brighter.'],
    acts: ['{npc} poured two cups of tea.', '{npc} brushed crumbs from their apron.', '{npc} hummed as they worked.', '{npc} gave you a kind smile.'],
    scene: 'It was warm and bright. Everyone was kind and happy.',
  },
  humorous: {
    sounds: ['Something went boing in the distance.', 'A pot lid clattered to the floor.', 'Someone shouted "Not again!"', 'A goose honked with great disapproval.'],
    feelings: ['You tried very hard not to laugh.', 'This was going to be a long day.', 'You had a feeling this was your fault.', 'Somehow, it was all going to plan. Probably.'],
    acts: ['{npc} pretended nothing had happened.', '{npc} raised one eyebrow very high.', '{npc} whistled innocently.', '{npc} patted their pockets, looking for something.'],
    scene: 'It was a funny and silly day. Everyone wanted to laugh.',
  },
  tense: {
    sounds: ['An alarm chirped twice and went dead.', 'Metal groaned somewhere deep in the walls.', 'The lights flickered, then steadied.', 'A hatch hissed shut behind you.'],
    feelings: ['Sweat prickled on your neck.', 'Your mouth was dry.', 'You forced yourself to stay calm.', 'The clock in your head kept ticking.'],
    acts: ['{npc} kept one eye on the door.', '{npc} spoke fast and low.', '{npc} checked the time again.', '{npc} wiped sweat from their brow.'],
    scene: 'It was dark and loud. There was no time.',
  },
  melancholic: {
    sounds: ['Rain tapped softly at the glass.', 'A door closed somewhere far away.', 'The old clock had stopped.', 'Leaves scraped along the path.'],
    feelings: ['Memories came, unbidden and gentle.', 'The quiet ached a little.', 'You let yourself remember.', 'Time seemed to slow down here.'],
    acts: ['{npc} looked away for a moment.', '{npc} smiled sadly.', '{npc} touched your arm gently.', '{npc} sighed softly.'],
    scene: 'It was a quiet, sad day. Everyone missed the old days.',
  },
};
