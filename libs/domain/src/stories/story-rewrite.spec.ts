import { mysterySetup } from './story-fixtures.spec-helper';
import { buildRewriteBrief, REWRITE_TASKS, rewritePromptParts, textJustAfter, textJustBefore } from './story-rewrite';

describe('a selection rewrite prompt', () => {
  const request = {
    setup: mysterySetup,
    title: 'The Clockmaker',
    bible: { characters: 'Ada never lies.', setting: '', styleNotes: '' },
    mode: 'shorten' as const,
    passage: 'Ada ran down the long stair, past the sleeping clocks, and out into the rain.',
    before: 'The bell rang twice.',
    after: 'Bram was waiting.',
  };

  it('asks for the mode on the passage, with the text around it and the bible', () => {
    const text = rewritePromptParts(request).map((part) => part.text).join('\n');
    expect(text).toContain(REWRITE_TASKS.shorten);
    expect(text).toContain(`The passage:\n${request.passage}`);
    expect(text).toContain('Text before the passage:\nThe bell rang twice.');
    expect(text).toContain('Text after the passage:\nBram was waiting.');
    expect(text).toContain('Ada never lies.');
  });

  it('lets the text around the passage go first when the prompt must shrink, never the passage', () => {
    const parts = rewritePromptParts(request);
    expect(parts.find((part) => part.text.startsWith('The passage:'))?.optional).toBeUndefined();
    expect(parts.find((part) => part.text.startsWith('Text before'))?.optional?.tier).toBe(0);
  });

  it('cuts the surrounding text at a word', () => {
    expect(textJustBefore('one two three four five', 9)).toBe('…four five');
    expect(textJustAfter('one two three four five', 9)).toBe('one two…');
  });

  it('gives the builtin writer the mode and the passage', () => {
    expect(buildRewriteBrief(request)).toMatchObject({ task: 'story.rewrite', mode: 'shorten', passage: request.passage });
  });
});
