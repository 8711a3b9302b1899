import { splitSentences } from '../text/sentences';

/** One improvement to one sentence of a document. */
export interface SuggestionDraft {
  originalSentence: string;
  suggestedSentence: string;
  description: string;
}

interface SuggestionRule {
  name: string;
  /** Why the change makes the writing better; shown to the writer. */
  reason: string;
  /** The sentence as it would read with the change, or null when the rule does not apply. */
  apply(sentence: string): string | null;
}

/** "very" + a plain adjective → the one stronger word. */
const INTENSIFIED: Record<string, string> = {
  big: 'huge',
  small: 'tiny',
  tired: 'exhausted',
  happy: 'overjoyed',
  sad: 'heartbroken',
  scared: 'terrified',
  afraid: 'terrified',
  angry: 'furious',
  cold: 'freezing',
  hot: 'scorching',
  old: 'ancient',
  quiet: 'silent',
  loud: 'deafening',
  dark: 'pitch-black',
  good: 'excellent',
  bad: 'awful',
  fast: 'swift',
  hungry: 'starving',
  pretty: 'beautiful',
  tall: 'towering',
  bright: 'dazzling',
  smart: 'brilliant',
  funny: 'hilarious',
  wet: 'soaked',
};

const FILLERS = /\s+\b(?:really|just|actually|basically|suddenly|somehow)\b(?=\s)/gi;
const LONG_SENTENCE_WORDS = 35;

function keepCase(original: string, replacement: string): string {
  return original.charAt(0) === original.charAt(0).toUpperCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/**
 * The builtin engine's editor: rules a careful reader applies to prose, each
 * with its reason. A model that can write JSON suggests with its own eye.
 */
export const SUGGESTION_RULES: readonly SuggestionRule[] = [
  {
    name: 'doubled-word',
    reason: 'A word written twice in a row is a slip the reader trips over.',
    apply: (s) => {
      const fixed = s.replace(/\b(\p{L}+)\s+\1\b/giu, '$1');
      return fixed !== s ? fixed : null;
    },
  },
  {
    name: 'very-plus-adjective',
    reason: 'One precise word is stronger than "very" and a plain one.',
    apply: (s) => {
      const fixed = s.replace(/\bvery\s+(\p{L}+)/giu, (match: string, adjective: string) => {
        const stronger = INTENSIFIED[adjective.toLowerCase()];
        return stronger ? keepCase(match, stronger) : match;
      });
      return fixed !== s ? fixed : null;
    },
  },
  {
    name: 'filler-words',
    reason: 'Filler words ("really", "just", "actually", "suddenly") slow the sentence and weaken what it says.',
    apply: (s) => {
      const fixed = s.replace(FILLERS, '');
      return fixed !== s ? fixed : null;
    },
  },
  {
    name: 'overlong-sentence',
    reason: `A sentence of more than ${LONG_SENTENCE_WORDS} words is hard to follow; two sentences keep the pace.`,
    apply: (s) => {
      if (s.split(/\s+/).length <= LONG_SENTENCE_WORDS) return null;
      const split = /,\s+(and|but|so|then|while)\s+/i.exec(s);
      if (!split || split.index < s.length / 4) return null;
      const rest = s.slice(split.index + split[0].length);
      return `${s.slice(0, split.index)}. ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
    },
  },
];

/** Up to `max` suggestions for a document, one per sentence, in reading order. */
export function suggestImprovements(text: string, max = 5): SuggestionDraft[] {
  const drafts: SuggestionDraft[] = [];
  for (const sentence of splitSentences(text)) {
    if (drafts.length >= max) break;
    for (const rule of SUGGESTION_RULES) {
      const suggested = rule.apply(sentence);
      if (suggested && suggested !== sentence) {
        drafts.push({ originalSentence: sentence, suggestedSentence: suggested, description: rule.reason });
        break;
      }
    }
  }
  return drafts;
}
