import { sentenceEnd } from '@storyos/domain';
import { INVENTED_NAMES } from '../../text/names';
import { whitespaceWordCount } from '../../text/words';
import { GAME_BAR } from './game-bar';
import type { PassageContext } from './passage-context';
import { passageFacts, passesBar } from './passage-rules';
import { RESTART, STARTERS } from './passage-words';
import { WRITER_BAR } from './writer-bar';

export type { PassageContext, PassageSubject } from './passage-context';

/** A raw try and the model's mean token log-probability for it (more negative: less fluent). */
export interface Candidate {
  raw: string;
  meanLogProb: number;
}

/** How much one nat of mean log-probability is worth against the heuristic score. */
const LOG_PROB_WEIGHT = 2.5;
/** Tries the model itself found this unlikely are noise, whatever they say. */
const MIN_MEAN_LOG_PROB = -2.6;

/** Cuts a raw continuation at its first sentence end (or second, if the first is very short). */
export function shapePassage(raw: string): string | null {
  let text = raw.replace(/^\s+/, '');
  const newline = text.indexOf('\n');
  if (newline >= 0) text = text.slice(0, newline);
  const first = sentenceEnd(text);
  if (first < 0) return null;
  let end = first;
  if (whitespaceWordCount(text.slice(0, first)) < 6) {
    const second = sentenceEnd(text, first);
    if (second > 0) end = second;
  }
  return text.slice(0, end).trim();
}

/** True once a streamed continuation holds enough to shape: the caller can stop sampling. */
export function passageComplete(raw: string): boolean {
  const text = raw.replace(/^\s+/, '');
  if (text.includes('\n')) return true;
  const first = sentenceEnd(text);
  if (first < 0) return false;
  return whitespaceWordCount(text.slice(0, first)) >= 6 || sentenceEnd(text, first) > 0;
}

const STOP = new Set(['the', 'and', 'was', 'were', 'with', 'that', 'this', 'there', 'they', 'their', 'then', 'from', 'your', 'you', 'have', 'had', 'into', 'what', 'when', 'said', 'very', 'about']);
const PRONOUN_START = /^(?:She|He|They|It)\b/;
/** First or second person outside quotes: the model talking, not narrating. */
const UNQUOTED_SPEECH = /\b(?:I|me|my|we|us|you|your|don't|let's)\b/i;

/** A score for a shaped passage, or null when it must not be used. */
export function scorePassage(passage: string, context: PassageContext): number | null {
  const words = whitespaceWordCount(passage);
  if (words < 3 || words > 28) return null;
  if (!/^["“]?\p{Lu}/u.test(passage)) return null;
  if (((passage.match(/["“”]/g) ?? []).length) % 2 !== 0) return null;
  if (/[^\p{L}\p{N}\s.,!?'"“”’-]/u.test(passage)) return null;
  let score = 0;
  const known = new Set(context.known.flatMap((name) => name.split(/\s+/)));
  if (context.strict) {
    for (const match of passage.matchAll(/\b\p{Lu}\p{Ll}+/gu)) {
      const word = match[0];
      if (!known.has(word) && !INVENTED_NAMES.has(word) && !STARTERS.has(word)) return null;
    }
  }
  const promptWords = new Set((context.prompt.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase()));
  // Capitalised words inside a sentence are names: fine if we know or replace them, bad otherwise.
  for (const match of passage.matchAll(/(?<![.!?]["”]?\s|^["“]?|["“])\b(\p{Lu}\p{Ll}+)/gu)) {
    const name = match[1]!;
    if (!known.has(name) && !INVENTED_NAMES.has(name) && name !== 'I' && !['Mom', 'Dad', 'Mommy', 'Daddy'].includes(name)) {
      if (context.strict) return null;
      score -= 4;
    }
  }
  if (RESTART.test(passage)) {
    if (context.strict) return null;
    score -= 3;
  }
  if (/\b(?:happily ever after|the end|moral of the story)\b/i.test(passage)) return null;
  // The nursery world of TinyStories (parks, toys, mom) pulls a scene off its setting.
  const nursery = (passage.match(/\b(?:park|toys?|mom|dad|mommy|daddy|school|candy|ball|cookies?|kids|slide|swings?)\b/gi) ?? []).length;
  if (nursery > 0 && context.strict) return null;
  score -= 2 * nursery;
  const first = /^\p{Lu}\p{Ll}*/u.exec(passage)?.[0] ?? '';
  if (known.has(first) || INVENTED_NAMES.has(first) || PRONOUN_START.test(passage)) score += 1.5;
  else if (first && !STARTERS.has(first)) {
    if (context.strict) return null;
    score -= 3; // "Cloth is…", "Ollie…": a stranger or a non-sentence
  }
  if (UNQUOTED_SPEECH.test(passage.replace(/["“][^"”]*["”]/g, ''))) return null;
  let echoes = 0;
  for (const word of passage.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (word.length > 3 && !STOP.has(word) && promptWords.has(word)) echoes++;
  }
  score += Math.min(echoes, 3) * 1.5;
  const lower = passage.toLowerCase();
  score += Math.min(context.mood.filter((m) => lower.includes(m)).length, 3);
  if (words >= 7 && words <= 18) score += 1;
  if (/\b(\w+ \w+) .*\b\1\b/i.test(passage)) score -= 1.5; // loops like "the wind ... the wind"
  if (context.scene === undefined && context.subject === undefined) return score;
  const facts = passageFacts(passage, context);
  if (context.scene !== undefined && !passesBar(GAME_BAR, facts)) return null;
  if (context.subject !== undefined && !passesBar(WRITER_BAR, { ...facts, subject: context.subject })) return null;
  return score;
}

/**
 * The best of the candidates, first wins a tie; null when none is usable.
 * With log-probabilities, the model's own fluency counts too, and tries it
 * found very unlikely are refused.
 */
export function pickPassage(candidates: ReadonlyArray<string | Candidate>, context: PassageContext): string | null {
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const { raw, meanLogProb } = typeof candidate === 'string' ? { raw: candidate, meanLogProb: null } : candidate;
    if (meanLogProb !== null && meanLogProb < (context.minMeanLogProb ?? MIN_MEAN_LOG_PROB)) continue;
    const shaped = shapePassage(raw);
    if (!shaped) continue;
    const heuristic = scorePassage(shaped, context);
    const score = heuristic === null ? null : heuristic + (meanLogProb === null ? 0 : LOG_PROB_WEIGHT * meanLogProb);
    if (score !== null && score > bestScore) {
      best = shaped;
      bestScore = score;
    }
  }
  return best;
}
