import type { StorySetup } from '@storyos/contracts';
import type { Rng } from '../../random';
import { splitSentences } from '@storyos/domain';

type Audience = StorySetup['audienceAgeGroup'];

const CHILD_WORDS: Array<[RegExp, string]> = [
  [/\bominous\b/g, 'spooky'],
  [/\benormous\b/g, 'huge'],
  [/\bsuspicious\b/g, 'strange'],
  [/\brealised\b/g, 'saw'],
  [/\bunderstood\b/g, 'knew'],
  [/\bperhaps\b/g, 'maybe'],
  [/\binstincts?\b/g, 'feeling'],
  [/\bconspiracy\b/g, 'secret plan'],
  [/\brevelation\b/g, 'surprise'],
  [/\barithmetic\b/g, 'sums'],
  [/\bconsequences\b/g, 'what happens next'],
];

/** Children: one idea per sentence, everyday words. Quoted speech is left alone. */
export function forChildren(text: string): string[] {
  if (/["“”]/.test(text)) return [text];
  let simple = text;
  for (const [pattern, word] of CHILD_WORDS) simple = simple.replace(pattern, word);
  const pieces: string[] = [];
  for (const sentence of splitSentences(simple)) {
    // The delimiters are captured: odd entries say how the next part joins on.
    const parts = sentence.split(/\s*(;|,\s+and\s+(?!then\b)|,\s+but\s+|\s+—\s+|,\s+while\s+|,\s+though\s+)\s*/);
    for (let i = 0; i < parts.length; i += 2) {
      let clean = parts[i]!.trim().replace(/[,;]$/, '');
      if (!clean) continue;
      // Only a part with its own subject stands alone ("and hating it" stays joined).
      if (i > 0 && !SUBJECT.test(clean)) {
        const last = pieces.pop() ?? '';
        pieces.push(`${last.replace(/[.!?]$/, '')}${parts[i - 1]!.startsWith(',') || parts[i - 1] === ';' ? parts[i - 1]!.replace(';', ',') : ` ${parts[i - 1]!.trim()}`} ${clean.replace(/[.!?]?$/, '.')}`.replace(/\s+/g, ' '));
        continue;
      }
      if (i > 0 && /but|though/.test(parts[i - 1]!)) clean = `But ${clean}`;
      clean = clean.charAt(0).toUpperCase() + clean.slice(1);
      pieces.push(/[.!?]["”’)]?$/.test(clean) ? clean : `${clean}.`);
    }
  }
  return pieces;
}

const SUBJECT = /^(?:I|you|he|she|they|it|we|there|the|a|an|this|that|everyone|everything|nobody|someone|something|nothing|his|her|my|your|their|\p{Lu}\p{Ll}+)\b/u;

const JOINERS = ['; ', ', and ', ' — ', ', and somehow '];

/**
 * Adults: two neighbouring sentences become one longer one. Questions,
 * exclamations and speech stay whole; a sentence starting with a name or "I"
 * keeps its capital.
 */
export function joinForAdults(first: string, second: string, rng: Rng, names: readonly string[]): string | null {
  if (/["“”?!()]/.test(first + second) || !first.endsWith('.')) return null;
  const word = /^\S+/.exec(second)?.[0] ?? '';
  const keepCapital = word === 'I' || names.some((n) => n.split(/\s+/)[0] === word.replace(/[’']s$/, ''));
  const rest = keepCapital ? second : second.charAt(0).toLowerCase() + second.slice(1);
  return `${first.slice(0, -1)}${rng.pick(JOINERS)}${rest}`;
}

export function shapesSentences(audience: Audience): 'split' | 'join' | 'keep' {
  return audience === 'Children' ? 'split' : audience === 'Adults' ? 'join' : 'keep';
}
