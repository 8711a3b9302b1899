import type { StorySetup } from '@storyos/contracts';

/**
 * Words and sentences per Writer tone, past tense. Placeholders: {I}/{i}
 * the protagonist as subject in the story's point of view, {me} as object,
 * {my}/{My} possessive, {was} (was/were), {place} {Place} {spot} {other}
 * {thing}.
 */
export interface StoryToneLexicon {
  /** "suspenseful" in "A suspenseful story of …". */
  adjective: string;
  times: string[];
  /** Clauses about the place. */
  airs: string[];
  sounds: string[];
  feelings: string[];
  /** What the other character does on stage. */
  gestures: string[];
  lines: string[];
  things: string[];
  /** Chapter-ending pulls (not the final chapter). */
  hooks: string[];
  /** Premise stakes, present tense, third person: {hero} {other}. */
  stakes: string[];
  /** Words that make a model sentence feel on-tone (scoring only). */
  mood: string[];
}

type Tone = StorySetup['tone'];

export const STORY_TONES: Record<Tone, StoryToneLexicon> = {
  Suspenseful: {
    adjective: 'suspenseful',
    times: ['Just before dawn', 'Late that evening', 'With the clock already running', 'In the last hour of the night'],
    airs: ['every window in {place} seemed to be watching', 'the streets of {place} had gone strangely quiet', 'a cold wind pushed through {place} like a warning', 'somewhere in {place} a door banged and fell still'],
    sounds: ['A clock ticked far too loudly.', 'Footsteps stopped just outside the door.', 'Somewhere glass broke, and then there was silence.', 'A floorboard creaked where nobody should have been.'],
    feelings: ['{My} pulse hammered in {my} ears.', '{I} held {my} breath and listened.', 'There was no time left to be afraid.', 'Every instinct told {me} to run, and {i} stayed.'],
    gestures: ['{other} glanced over one shoulder before speaking.', '{other} stepped out of the shadow by {spot}.', '{other} slid a folded note across the table.', '{other} checked the door twice, then lowered their voice.'],
    lines: ['We have less time than you think.', 'Do not trust anyone tonight.', 'If they find out what you know, it is over.', 'Whatever happens, keep walking.'],
    things: ['a folded note with no signature', 'a key that fitted no door in town', 'a watch stopped at ten past three', 'a torn page with an address on it'],
    hooks: ['And somewhere out there, someone already knew {i} had seen it.', 'By morning, {i} would have to choose.', 'Then the lights went out.', '{I} did not see the figure who followed {me} home.'],
    stakes: ['With every hour the danger draws closer, and {hero} must find the truth before someone else does.', 'One wrong move could cost {hero} everything.'],
    mood: ['dark', 'quiet', 'fast', 'scared', 'door', 'night', 'shadow', 'listen', 'afraid', 'run', 'secret', 'hurry'],
  },
  Whimsical: {
    adjective: 'whimsical',
    times: ['One bright and bouncy morning', 'At exactly half past teatime', 'On a day that smelled of jam', 'Just as the clocks began to giggle'],
    airs: ['the chimneys of {place} were puffing out little clouds shaped like hats', '{place} seemed to wiggle with delight', 'a rainbow had tied itself in a bow above {place}', 'the flowers of {place} were humming a tune'],
    sounds: ['A teapot whistled a cheerful song.', 'Somewhere, a hat sneezed.', 'A chorus of tiny bells jingled for no reason at all.', 'The wind told a joke, and the trees laughed.'],
    feelings: ['{I} could not help but smile.', '{My} toes tingled with excitement.', 'Everything felt possible that day.', 'A giggle bubbled up inside {me}.'],
    gestures: ['{other} twirled around twice and bowed.', '{other} tumbled out from behind {spot}.', '{other} clapped both hands together with glee.', '{other} peered through a spyglass made of sugar.'],
    lines: ['Oh, splendid! I was hoping you would come.', 'Quick, before the puddles wake up!', 'Everything is better with a little sparkle.', 'Have you ever tried walking backwards on a cloud?'],
    things: ['a spoon that could sing', 'a button that led to a tiny door', 'a map drawn in crayon', 'a cupcake that refused to be eaten'],
    hooks: ['And that, of course, was when the teapot started talking.', 'Tomorrow promised to be even stranger.', '{I} had no idea that the map had just moved on its own.', 'Somewhere, a door the size of a biscuit creaked open.'],
    stakes: ['If {hero} cannot set things right, the wonder of it all may vanish for good.', 'Only {hero} seems to notice that something delightful is going wrong.'],
    mood: ['happy', 'fun', 'laugh', 'play', 'giggle', 'sparkle', 'funny', 'bright', 'smile', 'dance', 'magic', 'color'],
  },
  Dark: {
    adjective: 'dark',
    times: ['Under a moonless sky', 'When the candles guttered out', 'Deep in the coldest night of the year', 'As the storm closed in'],
    airs: ['a cold wind moaned through {place}', 'nothing living seemed to stir in {place}', 'the walls of {place} were black with damp', 'a heavy silence pressed down on {place}'],
    sounds: ['Something scraped slowly across stone.', 'A crow called once, then again.', 'The floorboards groaned under an unseen weight.', 'Far away, someone was crying.'],
    feelings: ['Cold fear crept into {my} bones.', '{I} wished {i} had never come.', 'The darkness felt almost alive.', '{My} hands would not stop shaking.'],
    gestures: ['{other} watched from the doorway without a word.', '{other} lit a single candle with trembling hands.', '{other} turned slowly toward the sound.', '{other} held up a hand for silence.'],
    lines: ['You should not have come here.', 'It knows you are here now.', 'Do not look behind you.', 'Some things are better left buried.'],
    things: ['a rusted key', 'a cracked mirror', 'a page torn from a diary', 'a ring nobody would admit to owning'],
    hooks: ['Behind {me}, something in the dark began to move.', 'That night, {i} did not sleep at all.', 'And the thing in the cellar waited.', '{I} should have turned back then.'],
    stakes: ['The deeper {hero} digs, the more the darkness digs back.', 'Some doors, once opened, cannot be closed again.'],
    mood: ['dark', 'scared', 'cold', 'alone', 'night', 'afraid', 'sad', 'storm', 'shadow', 'lost', 'quiet', 'cry'],
  },
  Heartwarming: {
    adjective: 'heartwarming',
    times: ['On a soft, rainy afternoon', 'As the kettle began to sing', 'When the first snow fell', 'On a slow and golden evening'],
    airs: ['warm light glowed in the windows of {place}', 'the smell of fresh bread drifted through {place}', 'neighbours waved to each other across {place}', 'rain tapped gently on the roofs of {place}'],
    sounds: ['A cat purred somewhere nearby.', 'Cups clinked softly in the kitchen.', 'The fire popped and settled.', 'Someone was humming a gentle tune.'],
    feelings: ['{I} felt warm all the way to {my} toes.', 'Everything felt safe and right.', '{I} let out a happy sigh.', 'It felt like coming home.'],
    gestures: ['{other} handed {me} a steaming mug of cocoa.', '{other} waved from the door of {spot}.', '{other} squeezed {my} hand.', '{other} set a plate of warm biscuits on the table.'],
    lines: ['There is always room for one more.', 'You do not have to do this alone.', 'Tea first, then we fix it together.', 'I saved the best seat for you.'],
    things: ['a patchwork quilt', 'a jar of honey with a handwritten label', 'an old recipe book', 'a knitted scarf'],
    hooks: ['{I} did not know it yet, but help was already on its way.', 'And for tonight, that was enough.', 'Tomorrow, {i} decided, {i} would ask for help.', 'Outside, the snow kept falling, soft as a promise.'],
    stakes: ['To keep what matters, {hero} will have to let others in.', 'What {hero} stands to lose is not money or glory, but home.'],
    mood: ['warm', 'happy', 'home', 'friend', 'soft', 'love', 'smile', 'hug', 'kind', 'together', 'help', 'care'],
  },
  Humorous: {
    adjective: 'humorous',
    times: ['On a Tuesday, which explained a lot', 'At the worst possible moment', 'Right after lunch, naturally', 'On the morning everything went slightly wrong'],
    airs: ['a goat had somehow got onto a roof in {place}', 'a sign in {place} read "Probably Closed"', '{place} looked exactly as confused as everyone felt', 'three pigeons were arguing loudly in {place}'],
    sounds: ['Somewhere, a trumpet played the wrong note.', 'A chicken clucked in a very judgemental way.', 'Someone tripped over a bucket, twice.', 'A distant voice shouted, "Not again!"'],
    feelings: ['{I} tried very hard not to laugh.', 'This was going to be one of those days.', '{I} {was} not sure whether to cheer or hide.', 'Things could only get sillier from here.'],
    gestures: ['{other} slipped on a banana peel and turned it into a bow.', '{other} burst out of {spot} wearing a saucepan as a hat.', '{other} cleared their throat very importantly.', '{other} tried to look serious and failed.'],
    lines: ['I have a plan. It is a terrible plan, but it is a plan.', 'Do not touch the cheese. Trust me.', 'Well, that could have gone better.', 'Nobody panic! Especially me!'],
    things: ['a rubber duck wearing a tiny crown', 'a map with "here be snacks" written on it', 'a sock of great importance', 'a very surprised pie'],
    hooks: ['What could possibly go wrong? Quite a lot, as it turned out.', 'It was, {i} would later admit, not {my} finest hour.', 'And then the goat got involved.', 'Nobody mentioned the pie again. Not yet.'],
    stakes: ['If {hero} fails, the whole town will never stop talking about it.', 'The stakes are high, the plan is poor, and {hero} is in charge of both.'],
    mood: ['laugh', 'funny', 'silly', 'giggle', 'surprise', 'oops', 'big', 'happy', 'fun', 'joke', 'smile', 'play'],
  },
  Melancholic: {
    adjective: 'melancholic',
    times: ['On a grey autumn morning', 'As the last leaves fell', 'Long after everyone had gone', 'When the rain finally stopped'],
    airs: ['dust lay thick on the windows of {place}', 'the gardens of {place} had grown wild', 'old photographs still hung in the houses of {place}', 'a soft rain drifted over {place}'],
    sounds: ['A music box played a few slow notes and stopped.', 'The wind sighed through the empty rooms.', 'Somewhere, a gate swung and creaked.', 'A single bird sang, then flew away.'],
    feelings: ['{I} felt the weight of everything that had been lost.', 'A quiet sadness settled over {me}.', '{I} remembered days that would not come again.', 'Even so, a small hope stayed with {me}.'],
    gestures: ['{other} looked out over {place} and sighed.', '{other} held an old letter in shaking hands.', '{other} smiled, but the smile did not reach their eyes.', '{other} touched the faded wallpaper gently.'],
    lines: ['It used to be so beautiful here.', 'I waited for you for a long time.', 'Some things cannot be fixed, only remembered.', 'Stay a little while, please.'],
    things: ['a faded photograph', 'a locket with a broken clasp', 'a letter that was never sent', 'a wooden toy worn smooth by small hands'],
    hooks: ['{I} wondered, not for the first time, what might have been.', 'The rain began again, softly.', 'Some questions, {i} knew, had no answers.', 'And still the letter lay unopened.'],
    stakes: ['Time is running out for {hero} to say what was never said.', 'To move on, {hero} must first face what was lost.'],
    mood: ['sad', 'miss', 'old', 'remember', 'quiet', 'alone', 'rain', 'cry', 'hope', 'love', 'friend', 'gone'],
  },
  Hopeful: {
    adjective: 'hopeful',
    times: ['As the sun came up', 'On the first warm day of spring', 'When the storm had finally passed', 'Early, while the world was still new'],
    airs: ['light spilled across the rooftops of {place}', 'the first green shoots were pushing up all over {place}', 'people in {place} were beginning to smile again', 'the sky over {place} was clear for the first time in weeks'],
    sounds: ['Birds began to sing, one after another.', 'Somewhere, someone laughed.', 'The bells rang out across the rooftops.', 'A window opened, and music drifted out.'],
    feelings: ['For the first time in a long while, {i} felt light.', 'Courage rose in {me} like the tide.', '{I} believed, truly, that things could change.', 'Hope was a small thing, but {i} held on to it.'],
    gestures: ['{other} smiled and held out a hand.', '{other} came running from {spot}, waving.', '{other} nodded, as if {i} had said something brave.', '{other} pointed toward the horizon.'],
    lines: ['It is not too late. It is never too late.', 'We can build it again, better this time.', 'I believe in you. I always have.', 'Look, the light is coming back.'],
    things: ['a seed kept safe in a paper packet', 'a compass that always pointed home', 'a letter full of good news', 'a lantern that never went out'],
    hooks: ['Tomorrow, {i} promised {myself}, would be different.', 'It was only a beginning, but it was a beginning.', 'Far away, a light answered.', '{I} did not know the way yet, only that there was one.'],
    stakes: ['If {hero} can hold on to hope, a whole community may find its way again.', 'Against the odds, {hero} sets out to prove that things can change.'],
    mood: ['hope', 'light', 'sun', 'smile', 'friend', 'help', 'brave', 'happy', 'new', 'together', 'warm', 'dream'],
  },
  Mysterious: {
    adjective: 'mysterious',
    times: ['As dusk settled', 'Long after midnight', 'In the grey hour before dawn', 'When the last light faded'],
    airs: ['a thin fog curled through {place}', 'shadows gathered in every corner of {place}', 'a pale glow flickered somewhere in {place}', 'the air in {place} smelled of salt and old secrets'],
    sounds: ['Somewhere below, a door creaked open by itself.', 'Footsteps echoed, though no one else was there.', 'A bell rang once, far away, and then fell silent.', 'Something whispered in the dark.'],
    feelings: ['A shiver ran down {my} spine.', '{I} had the strange feeling that someone was watching.', '{My} heart beat a little faster.', 'It felt as if the walls were keeping a secret.'],
    gestures: ['{other} raised a lantern and looked at {me} for a long moment.', '{other} stepped out of the fog by {spot}.', '{other} pointed at a mark on the wall that had not been there before.', '{other} leaned close and lowered their voice.'],
    lines: ['Some doors are locked for a reason.', 'You saw it too, didn’t you?', 'Not everything here is what it seems.', 'Keep the light burning, whatever happens.'],
    things: ['a brass key, cold as ice', 'a map with one room scratched out', 'a letter sealed with black wax', 'a compass that pointed at nothing'],
    hooks: ['Who could have left it there?', 'And the fog, {i} noticed, was coming back.', 'Somewhere, a second key turned in a second lock.', '{I} knew then that {i} would not stop until {i} understood.'],
    stakes: ['The closer {hero} comes to the truth, the less anyone wants it found.', 'Every answer {hero} finds opens a stranger question.'],
    mood: ['dark', 'quiet', 'strange', 'secret', 'light', 'night', 'shadow', 'whisper', 'wonder', 'curious', 'hidden', 'fog'],
  },
};
