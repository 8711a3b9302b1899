import type { StorySetup } from '@storyos/contracts';

/**
 * What makes each persona's voice recognisable: stock asides (same
 * placeholders as the tone lexicon), the conflicts it reaches for when the
 * setup names none, and the theme named in the premise.
 */
export interface PersonaVoice {
  asides: string[];
  /** Used when the setup has no plot elements. */
  conflicts: string[];
  /** "A suspenseful story of …". */
  theme: string;
}

type Persona = StorySetup['persona'];

export const PERSONA_VOICES: Record<Persona, PersonaVoice> = {
  'Award-Winning Science Fiction Author': {
    asides: ['{I} ran the numbers twice; they held, and that was the frightening part.', 'Somewhere above {place}, the stars went on with their slow arithmetic.', 'It was, {i} realised, a problem of physics before it was a problem of people.', 'The readings made no sense, unless the impossible had already happened.'],
    conflicts: ['a signal from somewhere no signal should come from', 'a machine that remembers things that have not happened yet'],
    theme: 'big ideas, cold equations and a sense of wonder',
  },
  'Historical Fiction Author': {
    asides: ['The price of bread had gone up again, and everyone talked of it.', 'In those days, a letter took a week, and a rumour took an hour.', '{I} smoothed {my} coat, the only good one {i} owned.', 'The newspapers said one thing; the people of {place} said another.'],
    conflicts: ['a secret that could change how history remembers the town', 'a promise made in wartime that someone has come to collect'],
    theme: 'ordinary lives caught up in the tide of history',
  },
  'Fantasy World Builder': {
    asides: ['The old lore said that such things happened only once in a hundred winters.', 'Every stone in {place} had a name, and most of them had a grudge.', 'The runes over the door glowed faintly, as runes do when they disapprove.', 'Beyond the hills, the old powers stirred in their long sleep.'],
    conflicts: ['an ancient pact that is about to break', 'a stolen crown that the land itself wants back'],
    theme: 'old magic, hidden lore and a world with rules of its own',
  },
  'Mystery Novelist': {
    asides: ['{I} noticed the detail and filed it away: nobody wipes a clean glass twice.', 'Something about {thing} did not fit, and {i} knew it.', 'There were three sets of footprints, and only two people had come in.', 'The clock on the wall was four minutes slow. {I} wondered who had wanted it that way.'],
    conflicts: ['a disappearance nobody can explain', 'a letter that arrives a day too late'],
    theme: 'clues, misdirection and one surprising truth',
  },
  'Romantic Poet': {
    asides: ['The light lay on the water like a promise half remembered.', 'The evening smelled of rain and roses, of everything unsaid.', '{My} heart was a lantern carried through the dark.', 'Even the stones of {place} seemed to be waiting for something beautiful.'],
    conflicts: ['a love that must stay secret', 'a letter written but never sent'],
    theme: 'longing, beauty and the weight of small moments',
  },
  'Thriller Writer': {
    asides: ['{I} checked the time. Less than an hour left.', 'Three exits. Two of them watched.', 'No phone, no backup, no second chances.', 'The clock was the enemy now, and it never slept.'],
    conflicts: ['a deadline that cannot be moved', 'a conspiracy reaching further than anyone guessed'],
    theme: 'rising stakes and a ticking clock',
  },
  "Children's Book Author": {
    asides: ['And guess what? That was a very good idea.', 'It was a small thing, but small things matter.', 'Everyone feels a little scared sometimes, and that is all right.', 'The sun peeked out, as if it wanted to see what would happen next.'],
    conflicts: ['a lost treasure that must be found before bedtime', 'a friend who needs help and is too shy to ask'],
    theme: 'friendship, courage and a gentle lesson',
  },
  'Satirical Humorist': {
    asides: ['(Naturally, nobody had thought to ask why.)', 'A committee was formed to look into it, which is how everyone knew nothing would happen.', 'It was the sort of plan that sounds brilliant until someone says it out loud.', 'The official explanation was, as always, both long and wrong.'],
    conflicts: ['a rule so silly that everyone obeys it', 'an important person who is importantly wrong'],
    theme: 'sharp wit and the absurd way things are',
  },
  'Biographical Writer': {
    asides: ['Years later, {i} would say that this was the day everything turned.', 'It was a choice, and like all real choices, it did not feel like one at the time.', 'Those who knew {me} then would remember {me} as quieter than {i} really {was}.', 'What followed would shape the rest of {my} life.'],
    conflicts: ['a choice between duty and a dream', 'a mistake that must finally be set right'],
    theme: 'turning points, choices and their consequences',
  },
  'Dystopian Visionary': {
    asides: ['Somewhere, a rule nobody had voted for was being enforced.', 'The posters on every wall still promised that everyone was happy.', 'In {place}, remembering was not forbidden, only discouraged.', 'Nobody asked where the missing neighbours had gone. Nobody ever did.'],
    conflicts: ['a law that decides who is allowed to remember', 'a perfect system with one fatal flaw'],
    theme: 'an unsettling future that mirrors the present',
  },
  'Magical Realism Author': {
    asides: ['Nobody in {place} thought it strange that the rain fell upwards on Sundays.', '{My} grandmother\'s clock still ran backwards, as it had for forty years.', 'The birds brought news, as they always had, though only the old listened.', 'It was the kind of miracle that people in {place} stepped around on their way to work.'],
    conflicts: ['a river that begins to flow through people\'s dreams', 'a house that remembers everyone who ever lived in it'],
    theme: 'the marvellous told as ordinary',
  },
};

/** The gentle lesson that closes each chapter for children. */
export const CHILDREN_LESSONS = [
  'being brave does not mean never being scared',
  'friends make every road shorter',
  'asking for help is a strong thing to do',
  'kindness is never wasted',
  'mistakes are just how everyone learns',
  'listening is a kind of magic too',
];
