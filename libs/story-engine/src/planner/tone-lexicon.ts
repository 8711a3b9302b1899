import type { Tone } from '@storyos/contracts';

/**
 * Words and sentence parts per tone. Placeholders: {place} {Place} {npc}
 * {player} {thing}. Sentences are past tense, like the model's prose, so the
 * two voices read as one.
 */
export interface ToneLexicon {
  /** Opening time phrases, followed by a comma. */
  times: string[];
  /** Scene clauses about the place. */
  airs: string[];
  sounds: string[];
  feelings: string[];
  /** Who the planner invents when the story has no other character: name + epithet. */
  companions: Array<[string, string]>;
  /** What a character does when they appear; the sentence also prompts the model. */
  gestures: string[];
  lines: string[];
  things: string[];
  hooks: string[];
  /** Words that make a model sentence feel on-tone (scoring only). */
  mood: string[];
  /** Lead-ins for echoing the action: "Heart pounding, you decided to …". */
  resolve: string[];
}

export const TONE_LEXICON: Record<Tone, ToneLexicon> = {
  mysterious: {
    times: ['As dusk settled', 'Long after midnight', 'In the grey hour before dawn', 'When the last light faded'],
    airs: ['a thin fog curled around {place}', 'shadows gathered in every corner of {place}', 'a pale glow flickered somewhere inside {place}', 'the air around {place} smelled of salt and old secrets'],
    sounds: ['Somewhere below, a door creaked open by itself.', 'Footsteps echoed, though no one else was there.', 'A bell rang once, far away, and then fell silent.', 'Something whispered your name from the dark.'],
    feelings: ['A shiver ran down your spine.', 'You had the strange feeling that someone was watching.', 'Your heart beat a little faster.', 'It felt as if the walls were keeping a secret.'],
    companions: [['Wren', 'the old keeper with the silver lantern'], ['Elias', 'a quiet stranger in a long grey coat'], ['Maud', 'a woman who seemed to know every secret']],
    gestures: ['{npc} raised a lantern and looked at you for a long moment.', '{npc} stepped out of the shadows of {place}.', '{npc} pointed at a mark on the wall that had not been there before.', '{npc} leaned close and lowered their voice.'],
    lines: ['Some doors are locked for a reason.', 'You saw it too, didn’t you?', 'Not everything here is what it seems.', 'Keep the light burning, whatever happens.'],
    things: ['a brass key, cold as ice', 'a map with one room scratched out', 'a letter sealed with black wax', 'a compass that pointed at nothing'],
    hooks: ['What do you do?', 'Do you follow the light, or wait in the dark?', 'What will you look at first?', 'Who could have left it there?'],
    mood: ['dark', 'quiet', 'strange', 'secret', 'light', 'night', 'scared', 'shadow', 'whisper', 'wonder', 'curious', 'hidden'],
    resolve: ['Quietly,', 'Holding your breath,', 'With the lantern held high,', 'Trusting your instincts,'],
  },
  whimsical: {
    times: ['One bright and bouncy morning', 'On a day that smelled of jam', 'Just as the clocks began to giggle', 'At exactly half past teatime'],
    airs: ['soap bubbles drifted lazily around {place}', 'the flowers outside {place} were humming a tune', '{place} seemed to wiggle with delight', 'a rainbow had tied itself in a bow above {place}'],
    sounds: ['A teapot whistled a cheerful song.', 'Somewhere, a hat sneezed.', 'A chorus of tiny bells jingled for no reason at all.', 'The wind told a joke, and the trees laughed.'],
    feelings: ['You could not help but smile.', 'Your toes tingled with excitement.', 'Everything felt possible today.', 'A giggle bubbled up inside you.'],
    companions: [['Pip', 'a mouse in a very tall hat'], ['Bramble', 'a talking hedgehog with opinions'], ['Clementine', 'a kite who had learned to walk']],
    gestures: ['{npc} twirled around twice and bowed.', '{npc} tumbled out of a flowerpot near {place}.', '{npc} clapped their paws together with glee.', '{npc} peered at you through a spyglass made of sugar.'],
    lines: ['Oh, splendid! I was hoping you would come.', 'Quick, before the puddles wake up!', 'Everything is better with a little sparkle.', 'Have you ever tried walking backwards on a cloud?'],
    things: ['a spoon that could sing', 'a button that led to a tiny door', 'a map drawn in crayon', 'a cupcake that refused to be eaten'],
    hooks: ['What do you do?', 'Where shall you skip to next?', 'What will you try first?', 'Do you dare to find out?'],
    mood: ['happy', 'fun', 'laugh', 'play', 'giggle', 'sparkle', 'funny', 'bright', 'smile', 'dance', 'magic', 'color'],
    resolve: ['With a skip and a hop,', 'Grinning from ear to ear,', 'Without a moment to lose,', 'Feeling wonderfully brave,'],
  },
  heroic: {
    times: ['As the sun rose over the hills', 'On the morning of the great trial', 'When the horns sounded at dawn', 'Under a sky full of banners'],
    airs: ['banners snapped in the wind above {place}', 'the road to {place} shone in the morning light', 'people gathered at {place}, waiting for a hero', 'the old stones of {place} stood proud and tall'],
    sounds: ['A horn called out across the valley.', 'Boots marched in time somewhere nearby.', 'The crowd cheered, then fell silent.', 'Steel rang against steel in the distance.'],
    feelings: ['Courage burned bright in your chest.', 'You stood a little taller.', 'You knew that others were counting on you.', 'Fear whispered, but you did not listen.'],
    companions: [['Rowan', 'a loyal knight with a dented shield'], ['Captain Hale', 'the leader of the watch'], ['Isolde', 'a young archer with sharp eyes']],
    gestures: ['{npc} drew a sword and stood beside you.', '{npc} rode up to {place} and saluted.', '{npc} placed a firm hand on your shoulder.', '{npc} studied the horizon with narrowed eyes.'],
    lines: ['We stand together, or not at all.', 'The people need us now.', 'I knew you would come.', 'There is no turning back from here.'],
    things: ['a shield with a golden crest', 'an old sword that still held its edge', 'a banner torn in battle', 'a royal seal'],
    hooks: ['What do you do?', 'Will you lead the charge?', 'Where will you strike first?', 'Who will you trust?'],
    mood: ['brave', 'strong', 'help', 'save', 'hero', 'proud', 'together', 'friend', 'fight', 'win', 'safe', 'promise'],
    resolve: ['Without hesitation,', 'With your head held high,', 'Gripping your courage tightly,', 'Bravely,'],
  },
  dark: {
    times: ['Under a moonless sky', 'When the candles guttered out', 'Deep in the coldest night of the year', 'As the storm closed in'],
    airs: ['a cold wind moaned through {place}', 'nothing living seemed to stir in {place}', 'the walls of {place} were black with damp', 'a heavy silence pressed down on {place}'],
    sounds: ['Something scraped slowly across stone.', 'A crow called once, then again.', 'The floorboards groaned under an unseen weight.', 'Far away, someone was crying.'],
    feelings: ['Cold fear crept into your bones.', 'You wished you had never come.', 'The darkness felt almost alive.', 'Your hands would not stop shaking.'],
    companions: [['Morrow', 'a gaunt figure with hollow eyes'], ['Sister Agnes', 'a nun who never smiled'], ['Corvin', 'a gravedigger who knew too much']],
    gestures: ['{npc} watched you from the doorway of {place} without a word.', '{npc} lit a single candle with trembling hands.', '{npc} turned slowly toward the sound.', '{npc} held up a hand for silence.'],
    lines: ['You should not have come here.', 'It knows you are here now.', 'Do not look behind you.', 'Some things are better left buried.'],
    things: ['a rusted key stained with something dark', 'a cracked mirror', 'a page torn from a diary', 'a bone carved with tiny marks'],
    hooks: ['What do you do?', 'Do you run, or face it?', 'What will you dare to open?', 'How long before it finds you?'],
    mood: ['dark', 'scared', 'cold', 'alone', 'night', 'afraid', 'sad', 'storm', 'shadow', 'lost', 'quiet', 'cry'],
    resolve: ['Swallowing your fear,', 'Against every instinct,', 'Slowly,', 'With no other choice,'],
  },
  cozy: {
    times: ['On a soft, rainy afternoon', 'As the kettle began to sing', 'When the first snow fell', 'On a slow and golden evening'],
    airs: ['warm light glowed in the windows of {place}', 'the smell of fresh bread drifted through {place}', 'a fire crackled happily inside {place}', 'rain tapped gently on the roof of {place}'],
    sounds: ['A cat purred somewhere nearby.', 'Cups clinked softly in the kitchen.', 'The fire popped and settled.', 'Someone was humming a gentle tune.'],
    feelings: ['You felt warm all the way to your toes.', 'Everything felt safe and right.', 'You let out a happy sigh.', 'It felt like coming home.'],
    companions: [['Nell', 'a baker with flour on her nose'], ['Old Barnaby', 'a kind neighbour with a pipe and a smile'], ['Juniper', 'a sleepy cat with opinions about cushions']],
    gestures: ['{npc} handed you a steaming mug of cocoa.', '{npc} waved to you from the door of {place}.', '{npc} tucked a blanket around your shoulders.', '{npc} set a plate of warm biscuits on the table.'],
    lines: ['There is always room for one more.', 'Sit down, dear, you look chilly.', 'Tea first, then adventures.', 'I saved the best seat for you.'],
    things: ['a patchwork quilt', 'a jar of honey with a handwritten label', 'an old recipe book', 'a knitted scarf'],
    hooks: ['What do you do?', 'What would you like to do next?', 'Who will you visit first?', 'How will you spend the evening?'],
    mood: ['warm', 'happy', 'cozy', 'home', 'friend', 'soft', 'love', 'smile', 'hug', 'tea', 'cake', 'kind'],
    resolve: ['With a warm smile,', 'Taking your time,', 'Happily,', 'Pulling your scarf tight,'],
  },
  humorous: {
    times: ['On a Tuesday, which explained a lot', 'At the worst possible moment', 'Right after lunch, naturally', 'On the morning everything went slightly wrong'],
    airs: ['a goat had somehow got onto the roof of {place}', 'a sign outside {place} read "Probably Closed"', '{place} looked exactly as confused as you felt', 'three pigeons were arguing loudly outside {place}'],
    sounds: ['Somewhere, a trumpet played the wrong note.', 'A chicken clucked in a very judgemental way.', 'Someone tripped over a bucket, twice.', 'A distant voice shouted, "Not again!"'],
    feelings: ['You tried very hard not to laugh.', 'This was going to be one of those days.', 'You were not sure whether to cheer or hide.', 'Things could only get sillier from here.'],
    companions: [['Gilbert', 'a goose who thought he was a detective'], ['Aunt Petunia', 'who carried an umbrella for every occasion'], ['Ferdinand', 'a knight afraid of butterflies']],
    gestures: ['{npc} slipped on a banana peel and landed in a bow.', '{npc} burst into {place} wearing a saucepan as a hat.', '{npc} cleared their throat very importantly.', '{npc} tried to look serious and failed.'],
    lines: ['I have a plan. It is a terrible plan, but it is a plan.', 'Do not touch the cheese. Trust me.', 'Well, that could have gone better.', 'Nobody panic! Especially me!'],
    things: ['a rubber duck wearing a tiny crown', 'a map with "here be snacks" written on it', 'a sock of great importance', 'a very surprised pie'],
    hooks: ['What do you do?', 'What could possibly go wrong?', 'Do you dare to ask?', 'Where does the chaos lead next?'],
    mood: ['laugh', 'funny', 'silly', 'giggle', 'surprise', 'oops', 'big', 'happy', 'fun', 'joke', 'smile', 'play'],
    resolve: ['Against all good sense,', 'Trying to look confident,', 'With a dramatic flourish,', 'Shrugging,'],
  },
  tense: {
    times: ['With seconds to spare', 'As the alarm began to wail', 'Just before the gates slammed shut', 'In the last minutes before midnight'],
    airs: ['red lights flashed across {place}', 'every exit from {place} seemed to be closing', 'the floor trembled beneath your feet', 'smoke was creeping into {place}'],
    sounds: ['A siren wailed, closer now.', 'Footsteps pounded somewhere behind you.', 'A clock ticked far too loudly.', 'Glass shattered nearby.'],
    feelings: ['Your pulse hammered in your ears.', 'There was no time to think.', 'Every second counted now.', 'You held your breath and listened.'],
    companions: [['Kade', 'a runner who never stopped looking over his shoulder'], ['Vera', 'a mechanic with a spanner and a plan'], ['Doc Reyes', 'who always seemed to know the way out']],
    gestures: ['{npc} grabbed your arm and pulled you toward {place}.', '{npc} shouted something you could barely hear.', '{npc} checked the door, then shook their head.', '{npc} crouched low and signalled you to wait.'],
    lines: ['We have to move, now!', 'They are right behind us.', 'There is only one way out.', 'Whatever you do, do not stop.'],
    things: ['a keycard with a cracked corner', 'a flickering radio', 'a map with an exit circled in red', 'a timer counting down'],
    hooks: ['What do you do?', 'Which way do you run?', 'Do you risk it?', 'How much time is left?'],
    mood: ['fast', 'run', 'quick', 'scared', 'hurry', 'loud', 'afraid', 'big', 'danger', 'stop', 'shout', 'help'],
    resolve: ['Heart pounding,', 'Without wasting a second,', 'Breathing hard,', 'Before you could change your mind,'],
  },
  melancholic: {
    times: ['On a grey autumn morning', 'As the last leaves fell', 'Long after everyone had gone', 'When the rain finally stopped'],
    airs: ['dust lay thick on the windows of {place}', 'the garden around {place} had grown wild', 'old photographs still hung in {place}', 'a soft rain drifted over {place}'],
    sounds: ['A music box played a few slow notes and stopped.', 'The wind sighed through the empty rooms.', 'Somewhere, a gate swung and creaked.', 'A single bird sang, then flew away.'],
    feelings: ['You felt the weight of everything that had been lost.', 'A quiet sadness settled over you.', 'You remembered days that would not come again.', 'Even so, a small hope stayed with you.'],
    companions: [['Ada', 'an old friend you had not seen in years'], ['Mr. Hollis', 'who still set two cups for tea'], ['Lark', 'a quiet girl who collected lost things']],
    gestures: ['{npc} looked out over {place} and sighed.', '{npc} held an old letter in shaking hands.', '{npc} smiled, but their eyes were sad.', '{npc} touched the faded wallpaper gently.'],
    lines: ['It used to be so beautiful here.', 'I waited for you for a long time.', 'Some things cannot be fixed, only remembered.', 'Stay a little while, please.'],
    things: ['a faded photograph', 'a locket with a broken clasp', 'a letter that was never sent', 'a child’s wooden toy'],
    hooks: ['What do you do?', 'What will you hold on to?', 'Where will you go from here?', 'What do you say?'],
    mood: ['sad', 'miss', 'old', 'remember', 'quiet', 'alone', 'rain', 'cry', 'hope', 'love', 'friend', 'gone'],
    resolve: ['Slowly,', 'With a heavy heart,', 'Gently,', 'After a long moment,'],
  },
};

/**
 * The lower-case words of the game's phrase banks: the world-state rules read
 * a capitalised one opening a sentence ("Glass shattered nearby.") as a thing,
 * not a person (see deriveWorldState).
 */
export const GAME_NARRATOR_WORDS: ReadonlySet<string> = new Set(JSON.stringify(TONE_LEXICON).match(/(?<![\p{L}])\p{Ll}+/gu) ?? []);
