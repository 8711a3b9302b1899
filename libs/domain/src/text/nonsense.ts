/** One sign that typed input is not words at all, with why. */
interface NonsenseRule {
  name: string;
  reason: string;
  /** Looks at one lower-case word of letters. */
  matches(word: string): boolean;
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'poiuytrewq', 'lkjhgfdsa', 'mnbvcxz'];

/** Named rules for a word that is keyboard mashing rather than language. */
export const NONSENSE_RULES: readonly NonsenseRule[] = [
  {
    name: 'a run along a keyboard row',
    reason: '"asdf", "qwerty", "jkl;": fingers sliding along a row, not a word.',
    matches: (word) => word.length >= 3 && KEYBOARD_ROWS.some((row) => row.includes(word.slice(0, 4))),
  },
  {
    name: 'no vowel',
    reason: 'English words of three letters or more have a vowel (or a y): "xkcd", "brrt".',
    matches: (word) => word.length >= 3 && !/[aeiouy]/.test(word),
  },
  {
    name: 'a letter three times running',
    reason: '"aaaa", "hmmmm": a held key, not a word.',
    matches: (word) => /(\p{L})\1\1/u.test(word),
  },
  {
    name: 'five consonants running',
    reason: 'No English word stacks five consonants ("sdfgh", "bxrtk").',
    matches: (word) => /[bcdfghjklmnpqrstvwxz]{5}/.test(word),
  },
];

/** The rules the words of `text` break; nonsense when most of its words break one. */
export function nonsenseWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => NONSENSE_RULES.some((rule) => rule.matches(word)));
}

/**
 * True when the input is mashing rather than an action: half or more of its
 * words (and at least one) break a rule above. "I asdf" and "jjjjj" are;
 * "I open the door" and "brrr, it is cold" are not.
 */
export function isNonsense(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return /\S/.test(text);
  const meaningful = words.filter((word) => !/^(?:i|we|you|me|my|a|an|the)$/.test(word));
  if (meaningful.length === 0) return false;
  const odd = meaningful.filter((word) => NONSENSE_RULES.some((rule) => rule.matches(word)));
  return odd.length > 0 && odd.length * 2 >= meaningful.length;
}
