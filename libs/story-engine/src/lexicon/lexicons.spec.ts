import { ToneSchema } from '@storyos/contracts';
import { companion } from '../planner/cast';
import { GAME_NARRATOR_WORDS, TONE_LEXICON } from './lexicons';
import { loadLexicon } from './load-lexicon';

const banks = { sounds: 'Sentences heard in the scene.', mood: 'On-tone words.' };
const tone = { sounds: ['A door creaked.'], mood: ['dark'] };
const everyTone = (entry: unknown) => Object.fromEntries(ToneSchema.options.map((t) => [t, entry]));

describe('word tables', () => {
  it('loads a table with every tone and every bank', () => {
    expect(loadLexicon('test', everyTone(tone), ToneSchema, banks).cozy.sounds).toEqual(['A door creaked.']);
  });

  it.each([
    ['a tone missing', { ...everyTone(tone), cozy: undefined }, /cozy/],
    ['a tone nobody has', { ...everyTone(tone), cheerful: tone }, /cheerful/],
    ['a bank missing', everyTone({ sounds: tone.sounds }), /mood/],
    ['a bank nobody declared', everyTone({ ...tone, smells: ['Salt.'] }), /smells/],
    ['an empty bank', everyTone({ ...tone, mood: [] }), /mood/],
    ['an empty phrase', everyTone({ ...tone, sounds: [''] }), /sounds/],
    ['a phrase that is not text', everyTone({ ...tone, sounds: [42] }), /sounds/],
  ])('refuses a table with %s, naming the table and the place', (_case, data, where) => {
    expect(() => loadLexicon('test', data, ToneSchema, banks)).toThrow(/The test word table is malformed/);
    expect(() => loadLexicon('test', data, ToneSchema, banks)).toThrow(where);
  });

  it('gives every invented game companion a name and an epithet', () => {
    for (const t of ToneSchema.options) {
      for (const entry of TONE_LEXICON[t].companions) {
        const { name, epithet } = companion(entry);
        expect(name).toMatch(/^\p{Lu}[\p{L}.]*(?: \p{Lu}\p{Ll}+)?$/u);
        expect(epithet.length).toBeGreaterThan(0);
      }
    }
    expect(companion('Wren, the old keeper with the silver lantern')).toEqual({ name: 'Wren', epithet: 'the old keeper with the silver lantern' });
  });

  it('lists the game table’s lower-case words for the world-state rules, and no names', () => {
    expect(GAME_NARRATOR_WORDS.has('lantern')).toBe(true);
    expect(GAME_NARRATOR_WORDS.has('shattered')).toBe(true);
    expect(GAME_NARRATOR_WORDS.has('wren')).toBe(false);
    expect([...GAME_NARRATOR_WORDS].every((word) => word === word.toLowerCase())).toBe(true);
  });
});
