import type { Outline, StorySetup } from '@storyos/contracts';
import { parseOutlineReply, buildChapterBrief, buildOutlineBrief, buildPremiseBrief, splitSentences } from '@storyos/domain';
import { BuiltinStoryEngine } from './builtin-engine';
import { abortAfterTwoDeltas, collectStream, modelFiles } from './model-files.spec-helper';


const noPause = () => Promise.resolve();
const withModel = new BuiltinStoryEngine({ model: modelFiles(), yieldToEventLoop: noPause });
const templates = new BuiltinStoryEngine({ yieldToEventLoop: noPause });

const setup: StorySetup = {
  persona: 'Mystery Novelist',
  setting: 'a fog-bound seaside town in 1920',
  characters: 'Ada Finch, a young telegraph operator; Inspector Rook',
  plotElements: '',
  writingStyle: 'Descriptive',
  tone: 'Suspenseful',
  narrativePov: 'First Person',
  audienceAgeGroup: 'Adults',
  contentRating: 'PG',
  endingPreference: 'Twist',
};
const title = 'The Telegraph at Low Tide';
const premise = 'Ada Finch finds a coded telegram.';
const outline: Outline = {
  chapters: [
    { title: 'The Coded Telegram', summary: 'Ada finds it.' },
    { title: 'Fog on the Pier', summary: 'Rook asks questions.' },
    { title: 'The Last Message', summary: 'The truth comes out.' },
  ],
};

const collect = collectStream;

const chapter = (engine: BuiltinStoryEngine, s: StorySetup, index = 0, seed = 7) => collect(engine, { messages: [], brief: buildChapterBrief(s, title, premise, outline, index, ''), seed }).then((r) => r.text);
/** Narration only: quoted speech may say "you" in any point of view. */
const narration = (text: string) => text.replace(/"[^"]*"|“[^”]*”/g, ' ');
const words = (text: string) => text.trim().split(/\s+/).length;
const prose = (text: string) => text.replace(/^##.*$/m, '').trim();
const meanSentenceWords = (text: string) => {
  const sentences = splitSentences(prose(text).replace(/\n+/g, ' '));
  return sentences.reduce((sum, s) => sum + words(s), 0) / sentences.length;
};

describe.each([
  ['with the TinyStories model', withModel],
  ['with templates only', templates],
])('builtin engine, Story Writer phases, %s', (_label, engine) => {
  it('writes a 2–4 sentence premise with the protagonist, the other character, the setting and the tone', async () => {
    const { text, outcome } = await collect(engine, { messages: [], brief: buildPremiseBrief(setup, title), seed: 3 });
    expect(outcome.finishReason).toBe('stop');
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(text).toContain('Ada Finch');
    expect(text).toContain('Inspector Rook');
    expect(text).toContain('a fog-bound seaside town in 1920');
    expect(text).toMatch(/suspenseful/i);
  });

  it('writes an outline as JSON that parses into 3–6 chapters naming the characters, ending on the twist', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { text } = await collect(engine, { messages: [], brief: buildOutlineBrief(setup, title, premise), seed });
      const parsed = parseOutlineReply(text);
      expect(parsed.chapters.length).toBeGreaterThanOrEqual(3);
      expect(parsed.chapters.length).toBeLessThanOrEqual(6);
      expect(JSON.stringify(parsed)).toContain('Ada');
      expect(JSON.stringify(parsed)).toContain('Inspector Rook');
      expect(parsed.chapters[parsed.chapters.length - 1]!.summary).toMatch(/all along/);
    }
    const asked = await collect(engine, { messages: [], brief: buildOutlineBrief(setup, title, premise, 8), seed: 1 });
    expect(parseOutlineReply(asked.text).chapters).toHaveLength(8);
  });

  it('writes a first-person chapter under its heading, 150–350 words, with "I" and without "you"', async () => {
    const text = await chapter(engine, setup);
    expect(text.startsWith('## The Coded Telegram\n\n')).toBe(true);
    expect(words(prose(text))).toBeGreaterThanOrEqual(150);
    expect(words(prose(text))).toBeLessThanOrEqual(350);
    expect(text).toContain(' I ');
    expect(text).toContain('Ada Finch');
    expect(text).toContain('Inspector Rook');
    expect(narration(text)).not.toMatch(/\byou(?:r|rs|rself)?\b/i);
    expect(text).not.toMatch(/\b(?:Lily|Tim|Ben|Sue|Tom|Max|Amy|Sam|Mia|Jack|Anna|Lucy|Sara|Spot|Remy)\b/);
    expect(text).toMatch(/[.!?]["”]?$/);
  });

  it('writes the second person as "you" and the third person with the name and pronouns', async () => {
    const second = await chapter(engine, { ...setup, narrativePov: 'Second Person' });
    expect(second).toMatch(/\bYou were Ada Finch\b/);
    expect(narration(second)).not.toMatch(/\bI\b/);
    const third = await chapter(engine, { ...setup, narrativePov: 'Third Person Limited' });
    expect(third).toContain('Ada Finch was a young telegraph operator.');
    expect((third.match(/\bAda\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(narration(third)).not.toMatch(/\b(?:I|my|you|your)\b/);
  });

  it('writes shorter sentences for children than for adults', async () => {
    const seeds = [1, 2, 3, 4];
    const mean = async (audience: StorySetup['audienceAgeGroup']) => {
      let total = 0;
      for (const seed of seeds) total += meanSentenceWords(await chapter(engine, { ...setup, audienceAgeGroup: audience }, 1, seed));
      return total / seeds.length;
    };
    const children = await mean('Children');
    const adults = await mean('Adults');
    expect(children).toBeLessThan(adults - 2);
  });

  it('shows the persona: the mystery novelist notices clues, the children’s author adds a lesson', async () => {
    const mystery = await chapter(engine, setup, 1, 5);
    expect(mystery).toMatch(/noticed the detail|did not fit|footprints|four minutes slow/);
    const children = await chapter(engine, { ...setup, persona: "Children's Book Author", audienceAgeGroup: 'Children', tone: 'Whimsical' }, 1, 5);
    expect(children).toMatch(/And so I learned that/);
  });

  it.each([
    ['Happy', /home at last/],
    ['Tragic', /never saw Inspector Rook again/],
    ['Open-ended', /could not yet say/],
    ['Twist', /Inspector Rook had been behind .* from the very start/],
    ['Bittersweet', /never feel quite the same/],
  ] as const)('ends the last chapter the %s way, and only the last', async (ending, pattern) => {
    const s = { ...setup, endingPreference: ending };
    expect(await chapter(engine, s, 2)).toMatch(pattern);
    expect(await chapter(engine, s, 0)).not.toMatch(pattern);
  });

  it('writes an epilogue past the outline', async () => {
    const text = await chapter(engine, setup, 3);
    expect(text.startsWith('## Epilogue\n\n')).toBe(true);
  });

  it('uses the setup’s own names only, and invents a stranger when the setup names one character', async () => {
    const solo = await chapter(engine, { ...setup, characters: 'Mara', narrativePov: 'Third Person Omniscient' }, 0, 2);
    expect(solo).toContain('Mara');
    expect(solo).not.toMatch(/\b(?:Lily|Tim|Ben|Sue|Tom|Max|Amy|Sam|Mia|Jack|Anna|Lucy|Sara|Spot)\b/);
  });

  it('is deterministic for a seed and varies with the seed and the chapter', async () => {
    const a = await chapter(engine, setup, 1, 11);
    expect(await chapter(engine, setup, 1, 11)).toBe(a);
    expect(await chapter(engine, setup, 1, 12)).not.toBe(a);
    const premiseRequest = { messages: [], brief: buildPremiseBrief(setup, title) };
    expect((await collect(engine, premiseRequest)).text).toBe((await collect(engine, premiseRequest)).text);
    const outlineRequest = { messages: [], brief: buildOutlineBrief(setup, title, premise), seed: 9 };
    expect((await collect(engine, outlineRequest)).text).toBe((await collect(engine, outlineRequest)).text);
  });

  it('stops promptly when aborted, for prose and for the outline', async () => {
    for (const brief of [buildChapterBrief(setup, title, premise, outline, 0, ''), buildOutlineBrief(setup, title, premise)]) {
      const step = await abortAfterTwoDeltas(engine, { messages: [], brief, seed: 3 });
      expect(step.done).toBe(true);
      expect(step.value).toMatchObject({ finishReason: 'aborted', completionTokens: 2 });
    }
  });
});

describe('builtin engine, Story Writer phases, model prose', () => {
  it('weaves model passages into the chapter (the text differs from the templates alone)', async () => {
    const seeds = [1, 2, 3];
    const differs = await Promise.all(seeds.map(async (seed) => (await chapter(withModel, setup, 1, seed)) !== (await chapter(templates, setup, 1, seed))));
    expect(differs.some(Boolean)).toBe(true);
  });
});
