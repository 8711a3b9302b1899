import { INVENTED_NAMES } from '../text/names';
import { sentenceEnd, splitSentences, wordCount } from '../text/sentences';

/**
 * The tiny model rambles, so each model slot gets a few short tries and the
 * best-formed one wins: one or two whole sentences, no invented strangers, no
 * "One day…" restarts, words that echo the prompt and the tone.
 */
export interface PassageContext {
  prompt: string;
  /** Names that may appear (cast, player). */
  known: readonly string[];
  mood: readonly string[];
  /** Refuse (rather than only mark down) passages with strangers' names or odd openings: the Writer's prose must keep its cast. */
  strict?: boolean;
  /**
   * The game's bar, on top of strict: the sentence must be about the player
   * or the cast (or a pronoun right after one), name nobody else, stay in the
   * past tense and out of the nursery (unless the scene itself has the word).
   */
  scene?: string;
}

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
  if (wordCount(text.slice(0, first)) < 6) {
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
  return wordCount(text.slice(0, first)) >= 6 || sentenceEnd(text, first) > 0;
}

const STOP = new Set(['the', 'and', 'was', 'were', 'with', 'that', 'this', 'there', 'they', 'their', 'then', 'from', 'your', 'you', 'have', 'had', 'into', 'what', 'when', 'said', 'very', 'about']);
const STARTERS = new Set(
  ('The She He They It But Then One A An When After So Suddenly His Her Their There As Every All Soon Now At In On Later Finally ' +
    'Together This That Once Mom Dad Just Inside Outside Some Many Everyone Someone Everything Each Even If Because While Before Meanwhile ' +
    'Slowly Quickly Still Nearby Outside Above Below Behind').split(' '),
);
const PRONOUN_START = /^(?:She|He|They|It)\b/;
/** First or second person outside quotes: the model talking, not narrating. */
const UNQUOTED_SPEECH = /\b(?:I|me|my|we|us|you|your|don't|let's)\b/i;
const RESTART = /^(?:one day|once upon a time|once|the end|the moral|from that day)\b/i;

/** A score for a shaped passage, or null when it must not be used. */
export function scorePassage(passage: string, context: PassageContext): number | null {
  const words = wordCount(passage);
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
  if (context.scene !== undefined && !meetsGameBar(passage, context, known)) return null;
  return score;
}

/** TinyStories' own world: words that pull a game scene into a nursery, unless the scene has them. */
const NURSERY = new Set(
  ('park parks toy toys mom mommy dad daddy candy cake cakes ball balls farmer farm truck trucks paw paws school teacher cookie cookies kid kids slide swing swings ' +
    'playground zoo doll dolls teddy bunny puppy kitten kitty birthday lollipop sandbox crayon crayons icecream cream shirt dress bath nap naps bed bedtime ' +
    'boy girl boys girls baby friends princess bear dog dogs cat cats frog duck monkey elephant lion bunny bird birds squirrel fish tail fur pond sandwich pie ' +
    'sweet sweets yummy snack treat treats play played playing fun shop store jar car cars bike bikes garden flower flowers tree trees sun sunny beach sand colors color pink purple').split(' '),
);
const SUBJECT_PRONOUN = /^(?:he|she|they|it|his|her|their)$/i;
/** Present-tense verbs outside quotes: the model jumping out of the story's past tense. */
const PRESENT = /\b(?:is|are|am|has|does|doesn['’]t|isn['’]t|aren['’]t|wants|likes|loves|makes|tries|goes|says|sees|thinks|knows|needs|looks|feels|gets|runs|plays|comes)\b/i;

function meetsGameBar(passage: string, context: PassageContext, known: Set<string>): boolean {
  const scene = new Set((`${context.scene ?? ''} ${context.prompt}`.toLowerCase().match(/\p{L}+/gu) ?? []));
  const narration = passage.replace(/["“][^"”]*["”]/g, ' ');
  if (PRESENT.test(narration)) return false;
  // "He wanted to help him": with the player as "you", a he or she has no clear referent.
  if (/\b(?:he|she|him|her|his|hers|they|them|their)\b/i.test(narration)) return false;
  if (splitSentences(passage).slice(1).some((s) => !known.has(/^["“]?(\p{L}+)/u.exec(s)?.[1] ?? ''))) return false;
  for (const word of passage.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (NURSERY.has(word) && !scene.has(word)) return false;
  }
  // Every name is someone in the story. Words opening a quote or a sentence inside one ("Hello", "Don't") are not names.
  for (const match of passage.matchAll(/(?<![.!?]\s|["“]|\p{L})\p{Lu}\p{Ll}*(?!['’\p{L}])/gu)) {
    const word = match[0];
    if (!known.has(word) && !STARTERS.has(word) && word !== 'I') return false;
  }
  const first = /^["“]?(\p{L}+)/u.exec(passage)?.[1] ?? '';
  if (!known.has(first) && !SUBJECT_PRONOUN.test(first)) return false;
  // "Thank you, Sam!" becomes "Thank you, you!"; "Sam wanted to help Sam": a name belongs once, and outside quotes.
  const quoted = (passage.match(/["“][^"”]*["”]/g) ?? []).join(' ');
  if ([...known].some((name) => quoted.includes(name) || passage.split(name).length > 2)) return false;
  // A cheerful TinyStories mood does not fit a tense or sad scene.
  if (!context.mood.includes('happy') && /\b(?:happy|excited|glad|fun|cheerful)\b/i.test(passage)) return false;
  if (/^(?:the|a|an|one|some)\b/i.test(narration.trim())) return false;
  return true;
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
    if (meanLogProb !== null && meanLogProb < MIN_MEAN_LOG_PROB) continue;
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
