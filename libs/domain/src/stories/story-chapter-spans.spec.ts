import { chapterSpans, replaceChapter, textAfterChapter, textBeforeChapter } from './story-chapter-spans';

const STORY = 'A note before.\n\n## The Letter\n\nAda found it.\n\n## The River\n\nBram waited.\n\n## The Flood\n\nThe water came.';

describe('chapters of the story text by position', () => {
  it('finds each chapter from its heading to the next', () => {
    const spans = chapterSpans(STORY);
    expect(spans.map((span) => span.title)).toEqual(['The Letter', 'The River', 'The Flood']);
    expect(STORY.slice(spans[1]!.start, spans[1]!.end).trim()).toBe('## The River\n\nBram waited.');
    expect(spans[2]!.end).toBe(STORY.length);
  });

  it('replaces one chapter and leaves the others as they were', () => {
    const replaced = replaceChapter(STORY, 1, '## The River\n\nBram crossed at night.');
    expect(replaced).toBe('A note before.\n\n## The Letter\n\nAda found it.\n\n## The River\n\nBram crossed at night.\n\n## The Flood\n\nThe water came.');
  });

  it('puts the old heading back on a chapter written without one', () => {
    expect(replaceChapter(STORY, 2, 'Everything drowned.')).toBe('A note before.\n\n## The Letter\n\nAda found it.\n\n## The River\n\nBram waited.\n\n## The Flood\n\nEverything drowned.');
  });

  it('answers null for a chapter the text does not have', () => {
    expect(replaceChapter(STORY, 3, 'x')).toBeNull();
  });

  it('gives the text before and after a chapter', () => {
    expect(textBeforeChapter(STORY, 1)).toBe('A note before.\n\n## The Letter\n\nAda found it.');
    expect(textAfterChapter(STORY, 1)).toBe('## The Flood\n\nThe water came.');
    expect(textAfterChapter(STORY, 2)).toBe('');
  });
});
