import type { Outline, StorySetup } from '@storyos/contracts';
import { buildChapterBrief, buildPremiseBrief } from '@storyos/domain';
import { BuiltinStoryEngine } from './builtin-engine';
import { collectStream } from './model-files.spec-helper';

const engine = new BuiltinStoryEngine({ yieldToEventLoop: () => Promise.resolve() });
const outline: Outline = { chapters: [{ title: 'The First Clue', summary: 'It begins.' }, { title: 'The Reckoning', summary: 'It ends.' }] };

const base: StorySetup = {
  persona: 'Mystery Novelist',
  setting: 'a fog-bound seaside town in 1920',
  characters: 'Ada Finch, a young telegraph operator',
  plotElements: '',
  writingStyle: 'Descriptive',
  tone: 'Suspenseful',
  narrativePov: 'Third Person Limited',
  audienceAgeGroup: 'Young Adults',
  contentRating: 'PG',
  endingPreference: 'Twist',
};

/** Setups as people type them: capitals at the start of list items, settings as lists, descriptions about "her". */
const SETUPS: Array<{ name: string; setup: StorySetup }> = [
  { name: 'an Egyptian mystery with capitalised plot items', setup: { ...base, setting: 'Cairo, 1920s; the museum, the souk, the Nile', characters: 'Nadia Farouk, an archaeologist; Bram Hale, her rival, who distrusts her', plotElements: 'A stolen golden scarab; The curse of the pharaoh', narrativePov: 'First Person', tone: 'Noir' } },
  { name: 'a second-person horror story', setup: { ...base, setting: 'Victorian London; foggy docks; a locked library', characters: 'Mary Shaw, a widow who hears voices; Dr Crane, her physician, who doubts her', plotElements: 'The house remembers', narrativePov: 'Second Person', tone: 'Horror' } },
  { name: 'a first-person romance', setup: { ...base, setting: 'a vineyard in Provence', characters: 'Léa, a sommelier who has sworn off love; Tom, her new neighbour', plotElements: 'A Lost letter, a storm at harvest', narrativePov: 'First Person', tone: 'Romantic' } },
  { name: 'a third-person epic', setup: { ...base, setting: 'The Kingdom of Ardal, in the age of iron', characters: 'Prince Aren, a reluctant heir; Sera, his sworn shield', plotElements: 'The Iron Crown, a traitor at court', tone: 'Epic' } },
];

const premiseOf = (setup: StorySetup) => collectStream(engine, { messages: [], brief: buildPremiseBrief(setup, 'Test'), seed: 11 }).then((r) => r.text);
const openingOf = (setup: StorySetup, seed: number) => collectStream(engine, { messages: [], brief: buildChapterBrief(setup, 'Test', 'A premise.', outline, 0, ''), seed }).then((r) => r.text);

/** "notice A stolen", "of The curse": a capitalised article after a word, not after a sentence end. */
const PASTED_CAPITAL = /[\p{Ll},;] (?:A|An|The) \p{Ll}/u;
const narration = (text: string) => text.replace(/"[^"]*"|“[^”]*”/g, ' ');

describe.each(SETUPS)('the builtin Writer folds the setup of $name into sentences', ({ setup }) => {
  it('writes plot elements and places mid-sentence without their list capitals or separators', async () => {
    for (const seed of [1, 2, 3]) {
      const text = `${await premiseOf({ ...setup })} ${await openingOf(setup, seed)}`;
      expect(text).not.toMatch(PASTED_CAPITAL);
      expect(text).not.toMatch(/;\s*(?:the|a|foggy)\b/);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('keeps the narrator’s person in what the setup says about the protagonist', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const told = narration(await openingOf(setup, seed));
      if (setup.narrativePov === 'First Person') expect(told).not.toMatch(/\b(?:distrusts|doubts) her\b|\bher (?:rival|physician|new neighbour)\b/);
      if (setup.narrativePov === 'Second Person') expect(told).not.toMatch(/\b(?:doubts|distrusts) her\b|\bher physician\b/);
    }
  });
});

describe('a setting written as a list', () => {
  it('is said as one place and time, not pasted whole', async () => {
    const premise = await premiseOf(SETUPS[0]!.setup);
    expect(premise).toContain('Cairo in the 1920s');
    expect(premise).not.toContain('the museum, the souk');
  });
});

describe('each tone has its own words in the chapter', () => {
  it.each([
    ['Noir', /rain|neon|cigarette|bar|gutter|whiskey|siren|saxophone|lied|trouble|pawn|matchbook|envelope|payroll|cops/i],
    ['Horror', /dread|scream|rotten|sweat|breath|teeth|doll|mirror|scratch|wrong|dead|candle/i],
    ['Romantic', /heart|rose|jasmine|waltz|blush|smil|letter|ribbon|violin|honey|glance/i],
  ] as const)('%s', async (tone, words) => {
    const text = await openingOf({ ...base, tone }, 4);
    expect(text).toMatch(words);
  });
});
