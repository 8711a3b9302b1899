import { StoryToneSchema } from '@storyos/contracts';
import { STORY_TONES } from './lexicons';

describe('every Writer tone has its own vocabulary', () => {
  const tones = StoryToneSchema.options;

  it('offers the common genres, noir among them', () => {
    expect(tones).toEqual(expect.arrayContaining(['Noir', 'Horror', 'Romantic', 'Adventurous', 'Epic']));
  });

  it.each(tones)('%s shares no phrase with any other tone', (tone) => {
    const mine = new Set(Object.entries(STORY_TONES[tone]).filter(([bank]) => bank !== 'mood').flatMap(([, lines]) => lines));
    for (const other of tones.filter((candidate) => candidate !== tone)) {
      const theirs = Object.entries(STORY_TONES[other]).filter(([bank]) => bank !== 'mood').flatMap(([, lines]) => lines);
      expect({ other, shared: theirs.filter((line) => mine.has(line)) }).toEqual({ other, shared: [] });
    }
  });
});
