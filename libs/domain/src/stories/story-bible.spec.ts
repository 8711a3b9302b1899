import { BIBLE_DROP_TIER, storyBibleParts, withStoryBible } from './story-bible';

describe('the story bible in a prompt', () => {
  it('sends nothing for an empty bible', () => {
    expect(storyBibleParts({ characters: ' ', setting: '', styleNotes: '' })).toEqual([]);
    expect(storyBibleParts(null)).toEqual([]);
  });

  it('sends each filled section under a label, as parts the budget may drop', () => {
    const parts = storyBibleParts({ characters: 'Ada: left-handed, hates boats.', setting: '', styleNotes: 'No adverbs.' });
    const text = parts.map((part) => part.text).join('\n');
    expect(text).toContain('Ada: left-handed, hates boats.');
    expect(text).toContain('No adverbs.');
    expect(text).not.toContain('Setting');
    expect(parts.every((part) => part.optional?.tier === BIBLE_DROP_TIER)).toBe(true);
  });
});

describe('a Writer prompt with its bible', () => {
  it('carries the bible after the system message, before the task', () => {
    const parts = withStoryBible(
      [
        { role: 'system', text: 'You are a writer.' },
        { role: 'user', text: 'Write the premise.' },
      ],
      { characters: 'Ada: left-handed.', setting: '', styleNotes: '' },
    );
    expect(parts.map((part) => part.role)).toEqual(['system', 'user', 'user', 'user']);
    expect(parts[2]?.text).toContain('Ada: left-handed.');
    expect(parts.at(-1)?.text).toBe('Write the premise.');
  });
});
