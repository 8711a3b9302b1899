import type { AgeBand } from '@storyos/contracts';
import { splitSentences } from '../text/sentences';
import { CONTENT_RULES, describeAgeBand, LANGUAGE_LIMITS, type ContentRule } from './age-band-words';

export interface AgeBandCheck {
  ok: boolean;
  /** What is wrong, in plain words, for a person or a model to fix. */
  problems: string[];
}

const MAX_LISTED = 4;

/**
 * Whether a story text fits its age band: no words from the band's content
 * rules (violence, weapons, death, gore, frightening words for young bands;
 * sexual content, swearing, drugs below adult), and for children short
 * sentences and few long words. Rule-based, so it is the same for every
 * provider and runs after every scene.
 */
export function checkAgeBand(text: string, ageBand: AgeBand): AgeBandCheck {
  const problems: string[] = [];
  const lower = ` ${text.toLowerCase().replace(/[’]/g, "'")} `;
  for (const rule of CONTENT_RULES) {
    if (!rule.bands.includes(ageBand)) continue;
    const found = wordsOf(rule, lower);
    if (found.length > 0) problems.push(`Not for ${describeAgeBand(ageBand)} — ${rule.problem}: ${listed(found)}.`);
  }
  const limits = LANGUAGE_LIMITS[ageBand];
  if (limits) {
    const long = splitSentences(text.replace(/\s+/g, ' ')).filter((s) => wordsIn(s).length > limits.maxSentenceWords);
    if (long.length > 0) {
      problems.push(`Sentences too long for ${describeAgeBand(ageBand)} (at most ${limits.maxSentenceWords} words): ${long.slice(0, 2).map((s) => `“${clip(s)}”`).join(', ')}.`);
    }
    const sentences = splitSentences(text.replace(/\s+/g, ' '));
    const words = sentences.flatMap(wordsIn);
    // A capital mid-sentence is a name ("Alexandria"), which a child hears, not reads; the first word of a sentence is just a word.
    const hard = sentences.flatMap((s) => wordsIn(s).filter((word, index) => (index === 0 || !/^\p{Lu}/u.test(word)) && syllables(word) >= 4));
    if (words.length > 0 && hard.length / words.length > limits.maxLongWordShare && hard.length > 1) {
      problems.push(`Too many long words for ${describeAgeBand(ageBand)}: ${listed([...new Set(hard.map((w) => w.toLowerCase()))])}.`);
    }
  }
  return { ok: problems.length === 0, problems };
}

/** The rule's words found in the text (lower-cased, padded with spaces), after its harmless phrases are taken out. */
function wordsOf(rule: ContentRule, lower: string): string[] {
  let text = lower;
  for (const phrase of rule.allowed ?? []) text = text.split(phrase).join(' ');
  const found = new Map<string, number>();
  for (const word of rule.words) {
    const pattern = word.endsWith('*') ? new RegExp(`(?<![\\p{L}])${escape(word.slice(0, -1))}\\p{L}*`, 'gu') : new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'gu');
    for (const match of text.matchAll(pattern)) if (!found.has(match[0])) found.set(match[0], match.index);
  }
  // In the order the text has them, so the message reads like the text.
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([word]) => word);
}

function wordsIn(text: string): string[] {
  return text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
}

/** Vowel groups, less a silent final e: near enough to tell "elephant" (3) from "extraordinary" (6). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '').match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

function listed(words: readonly string[]): string {
  const shown = words.slice(0, MAX_LISTED).map((w) => `“${w}”`).join(', ');
  return words.length > MAX_LISTED ? `${shown} and ${words.length - MAX_LISTED} more` : shown;
}

function clip(sentence: string): string {
  return sentence.length > 60 ? `${sentence.slice(0, 57).trimEnd()}…` : sentence;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
