import { createHash } from 'node:crypto';
import { mysterySetup, threeChapters } from './story-fixtures.spec-helper';
import { canonicalJson, PROMPT_VERSION, resultCacheKey, type ResultCacheKeyInput } from './result-cache-key';
import { sha256Hex } from './sha256';

const input: ResultCacheKeyInput = { phase: 'start', setup: mysterySetup, title: 'T', premise: 'P', outline: threeChapters, provider: 'builtin', model: 'tinystories-260k', promptVersion: PROMPT_VERSION };

describe('result cache key', () => {
  it('is SHA-256 (known vectors, including non-ASCII)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
    expect(sha256Hex('héllo ✓ 🙂')).toBe('9ad6eca07d182db3795c99de4cb171bed0a04cc7783448aa5178e27969780f6e');
  });

  it('agrees with Node’s own SHA-256 over the UTF-8 bytes, lone surrogates included', () => {
    const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    for (const text of ['', 'abc', 'Ada’s “telegram”', '\ud83d alone', 'x'.repeat(65)]) expect(sha256Hex(text)).toBe(nodeSha256(text));
    expect(resultCacheKey(input)).toBe(nodeSha256(canonicalJson(input)));
  });

  it('is the same whatever order the fields and setup keys come in, and absent equals null', () => {
    const shuffled = Object.fromEntries(Object.entries(input).reverse()) as unknown as ResultCacheKeyInput;
    shuffled.setup = Object.fromEntries(Object.entries(mysterySetup).reverse()) as typeof mysterySetup;
    expect(resultCacheKey(shuffled)).toBe(resultCacheKey(input));
    expect(resultCacheKey({ ...input, storyText: null })).toBe(resultCacheKey(input));
    expect(resultCacheKey(input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any input differs', () => {
    const base = resultCacheKey(input);
    const variants: ResultCacheKeyInput[] = [
      { ...input, phase: 'continue' },
      { ...input, title: 'T2' },
      { ...input, premise: 'P2' },
      { ...input, storyText: 'Once.' },
      { ...input, provider: 'openai-compatible' },
      { ...input, model: 'gpt-4o-mini' },
      { ...input, promptVersion: 'other' },
      { ...input, setup: { ...mysterySetup, tone: 'Dark' } },
      { ...input, setup: { ...mysterySetup, characters: 'Ada Finch; Inspector Rook' } },
      { ...input, outline: { chapters: [...threeChapters.chapters].reverse() } },
    ];
    const keys = new Set(variants.map(resultCacheKey));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(base)).toBe(false);
  });
});
