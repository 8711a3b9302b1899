import { SUGGESTION_RULES, suggestImprovements } from './suggestion-rules';

const rule = (name: string) => SUGGESTION_RULES.find((candidate) => candidate.name === name)!;

describe('the builtin editor', () => {
  it('removes a doubled word', () => {
    expect(rule('doubled-word').apply('She ran to the the door.')).toBe('She ran to the door.');
  });

  it('replaces "very" and a plain adjective with the stronger word, keeping the capital', () => {
    expect(rule('very-plus-adjective').apply('Very big waves hit the very old pier.')).toBe('Huge waves hit the ancient pier.');
    expect(rule('very-plus-adjective').apply('A very curious cat.')).toBeNull();
  });

  it('drops filler words', () => {
    expect(rule('filler-words').apply('He just really wanted to go home.')).toBe('He wanted to go home.');
  });

  it('splits an overlong sentence at a joining conjunction', () => {
    const long = `${'The rain fell on the roofs of the quiet town all night long'}, and ${'the children who lay awake in their beds listened to it drumming and dreamed of boats and rivers and the far away sea'}.`;
    const split = rule('overlong-sentence').apply(long);
    expect(split).toMatch(/long\. The children/);
  });

  it('suggests per sentence, with the original copied exactly from the text', () => {
    const text = 'It was a very dark night. The owl hooted. She just ran to the the barn.';
    const drafts = suggestImprovements(text);
    expect(drafts.map((d) => d.originalSentence)).toEqual(['It was a very dark night.', 'She just ran to the the barn.']);
    for (const draft of drafts) expect(text.includes(draft.originalSentence)).toBe(true);
    expect(drafts[0]!.suggestedSentence).toBe('It was a pitch-black night.');
  });

  it('suggests nothing for clean prose', () => {
    expect(suggestImprovements('The owl hooted. The moon rose over the hill.')).toEqual([]);
  });
});
