import { buildChapterBrief, buildOutlineBrief, buildPremiseBrief } from './story-briefs';
import { mysterySetup, threeChapters } from './story-fixtures.spec-helper';
import { assemble } from '../generation/context-budget';
import type { PromptPart } from '../generation/prompt-plan';
import { chapterPromptParts, extendPromptParts, outlinePromptParts, outlineReplyProblems, premisePromptParts, STORY_SO_FAR_CHARS } from './story-messages';

const allOf = (parts: PromptPart[]) => assemble(parts, parts.map(() => true));
const buildPremiseMessages = (...args: Parameters<typeof premisePromptParts>) => allOf(premisePromptParts(...args));
const buildOutlineMessages = (...args: Parameters<typeof outlinePromptParts>) => allOf(outlinePromptParts(...args));
const buildChapterMessages = (...args: Parameters<typeof chapterPromptParts>) => allOf(chapterPromptParts(...args));

const system = (messages: { role: string; content: string }[]) => messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n');
const user = (messages: { role: string; content: string }[]) => messages[messages.length - 1]!.content;

describe('Writer prompts', () => {
  const builds = {
    premise: buildPremiseMessages(mysterySetup, 'The Telegraph at Low Tide'),
    outline: buildOutlineMessages(mysterySetup, 'The Telegraph at Low Tide', 'Ada finds a coded telegram.'),
    chapter: buildChapterMessages(mysterySetup, 'The Telegraph at Low Tide', 'Ada finds a coded telegram.', threeChapters, 0, ''),
  };

  it.each(Object.entries(builds))('the %s prompt states persona, style, tone, point of view, audience, rating and ending', (_phase, messages) => {
    expect(messages[0]!.role).toBe('system');
    const text = system(messages);
    expect(text).toContain('Mystery Novelist: Clues, misdirection and a satisfying reveal.');
    expect(text).toContain('Writing style: Descriptive');
    expect(text).toContain('Tone: Suspenseful');
    expect(text).toMatch(/point of view: First Person/i);
    expect(text).toMatch(/Audience age group: Adults/);
    expect(text).toMatch(/Content rating: PG/);
    expect(text).toMatch(/Ending preference: Twist/);
    expect(text).toMatch(/only matters in the final chapter/);
    expect(user(messages)).toContain('Ada Finch, a young telegraph operator; Inspector Rook');
    expect(user(messages)).toContain('a fog-bound seaside town in 1920');
  });

  it('asks for a 2–4 sentence premise', () => {
    expect(user(builds.premise)).toMatch(/2–4 sentences/);
  });

  it('asks for the outline as JSON with 3–8 chapters, or the count asked for', () => {
    expect(user(builds.outline)).toContain('{"chapters":[{"title":"…","summary":"…"}]}');
    expect(user(builds.outline)).toMatch(/3–8 chapters/);
    expect(user(buildOutlineMessages(mysterySetup, 'T', 'P', 5))).toMatch(/in 5 chapters/);
    expect(user(buildOutlineMessages(mysterySetup, 'T', 'P', 50))).toMatch(/in 8 chapters/);
  });

  it('asks each chapter to open with its heading and marks it in the outline', () => {
    const text = user(buildChapterMessages(mysterySetup, 'T', 'P', threeChapters, 1, '## The Coded Telegram\n\nIt began.'));
    expect(text).toContain('"## Fog on the Pier"');
    expect(text).toContain('Write chapter 2 of 3');
    expect(text).toMatch(/2\. Fog on the Pier — .*← this chapter/);
    expect(text).toContain('It began.');
    expect(text).toMatch(/not the final chapter/);
  });

  it('applies the ending only in the final chapter, and asks for an epilogue past the outline', () => {
    expect(user(buildChapterMessages(mysterySetup, 'T', 'P', threeChapters, 2, 'x'))).toMatch(/final chapter: give the story its ending — Twist/);
    const epilogue = user(buildChapterMessages(mysterySetup, 'T', 'P', threeChapters, 3, 'x'));
    expect(epilogue).toMatch(/epilogue/);
    expect(epilogue).toContain('"## Epilogue"');
  });

  it('bounds the story so far to its most recent part', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `Sentence number ${i} happened.`).join(' ');
    const text = user(buildChapterMessages(mysterySetup, 'T', 'P', threeChapters, 1, long));
    expect(text).toContain('Sentence number 1999 happened.');
    expect(text).not.toContain('Sentence number 5 happened.');
    expect(text.length).toBeLessThan(STORY_SO_FAR_CHARS + 2000);
  });

  it('asks to go on exactly where a cut-off passage stops, carrying its last words', () => {
    const story = '## The Coded Telegram\n\nIt began at dawn.\n\nAda read the telegram twice and';
    const text = user(allOf(extendPromptParts(mysterySetup, 'T', 'P', threeChapters, story)));
    expect(text).toMatch(/cut off by the length limit/);
    const all = allOf(extendPromptParts(mysterySetup, 'T', 'P', threeChapters, story)).map((m) => m.content).join('\n');
    expect(all).toContain('Ada read the telegram twice and');
    expect(all).toMatch(/1\. The Coded Telegram — .*← this chapter/);
  });

  it('finds the problems in an outline reply, or none', () => {
    expect(outlineReplyProblems('{"chapters":[{"title":"One","summary":"It starts."}]}')).toEqual([]);
    expect(outlineReplyProblems('I would rather not.')[0]).toMatch(/Could not read an outline/);
  });

  it('builds the engine briefs with the same inputs, bounding the story so far', () => {
    expect(buildPremiseBrief(mysterySetup, ' T ')).toEqual({ task: 'story.premise', setup: mysterySetup, title: 'T' });
    expect(buildOutlineBrief(mysterySetup, 'T', 'P', 4)).toMatchObject({ task: 'story.outline', premise: 'P', chapterCount: 4 });
    const brief = buildChapterBrief(mysterySetup, 'T', 'P', threeChapters, 1, 'a'.repeat(20_000));
    expect(brief).toMatchObject({ task: 'story.chapter', chapterIndex: 1, outline: threeChapters });
    expect(brief.storySoFar.length).toBeLessThanOrEqual(STORY_SO_FAR_CHARS + 2);
  });
});
