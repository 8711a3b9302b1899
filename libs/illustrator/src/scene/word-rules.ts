/** One way a scene's text can point at a value, with why the words mean it. */
export interface WordRule<T> {
  value: T;
  reason: string;
  words: readonly string[];
}

/** Words are matched whole, with plural, past and -ing endings, case-insensitively. */
export function countMatches(text: string, words: readonly string[]): number {
  let count = 0;
  for (const word of words) {
    const pattern = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:s|es|d|ed|ing)?\\b`, 'gi');
    count += text.match(pattern)?.length ?? 0;
  }
  return count;
}

/** The value whose words the text uses most; ties go to the rule listed first; `fallback` when none match. */
export function strongest<T>(text: string, rules: readonly WordRule<T>[], fallback: T): T {
  let best = fallback;
  let bestCount = 0;
  for (const rule of rules) {
    const count = countMatches(text, rule.words);
    if (count > bestCount) {
      best = rule.value;
      bestCount = count;
    }
  }
  return best;
}
