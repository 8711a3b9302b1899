import type { RewriteMode, StorySetup } from '@storyos/contracts';
import { splitSentences } from '@storyos/domain';
import { STORY_TONES } from '../../lexicon/lexicons';
import { planRewrite } from './rewrite-planner';

const setup: StorySetup = {
  persona: 'Mystery Novelist',
  setting: 'a fog-bound seaside town in 1920',
  characters: 'Ada Finch, a young telegraph operator; Inspector Rook',
  plotElements: '',
  writingStyle: 'Descriptive',
  tone: 'Noir',
  narrativePov: 'First Person',
  audienceAgeGroup: 'Adults',
  contentRating: 'PG',
  endingPreference: 'Twist',
};
const passage = 'The telegram came at midnight. I read it twice, then folded it into my coat and went down to the harbour, where the fog was thick and cold. Rook was already there. He did not look surprised to see me.';

const textOf = (mode: RewriteMode, seed: number) =>
  planRewrite({ task: 'story.rewrite', setup, title: 'Low Tide', mode, passage, before: '' }, seed)
    .segments.map((segment) => (segment.kind === 'text' ? segment.text : segment.fallback))
    .join(' ');

describe('the builtin writer on a selected passage', () => {
  it('shortens to fewer words, keeping the opening sentence', () => {
    const short = textOf('shorten', 1);
    expect(short.length).toBeLessThan(passage.length);
    expect(short.startsWith('The telegram came at midnight.')).toBe(true);
  });

  it('expands to more words in the story’s tone, keeping every sentence of the passage', () => {
    const long = textOf('expand', 1);
    expect(long.length).toBeGreaterThan(passage.length);
    for (const sentence of splitSentences(passage)) expect(long).toContain(sentence);
    const noir = Object.values(STORY_TONES.Noir).flat().map((line) => line.slice(0, 12));
    expect(noir.some((start) => long.includes(start.replace(/\{.*$/, '')))).toBe(true);
  });

  it('describes the scene with the tone’s sounds and air, in the narrator’s person', () => {
    const described = textOf('describe', 2);
    expect(described.length).toBeGreaterThan(passage.length);
    expect(described).not.toMatch(/\{\w+\}/);
    expect(described).not.toMatch(/\bAda Finch’s\b/);
  });

  it('gives different alternatives for different seeds', () => {
    const alternatives = new Set([1, 2, 3, 4].map((seed) => textOf('rewrite', seed)));
    expect(alternatives.size).toBeGreaterThan(1);
    for (const text of alternatives) expect(text).not.toBe(passage);
  });
});
