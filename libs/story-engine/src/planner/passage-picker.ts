import { INVENTED_NAMES } from '../text/names';
import { sentenceEnd, splitSentences } from '@storyos/domain';
import { whitespaceWordCount } from '../text/words';

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
  /**
   * The Writer's bar, on top of strict: the passage is about this cast member
   * (it starts with their name), names nobody else, keeps its pronouns for
   * them (pronoun null: none allowed, e.g. the first-person narrator), stays
   * in the past tense, out of the nursery and the kitchen (unless the prompt
   * has the word), cheerful only in cheerful tones, and free of pile-ups.
   */
  subject?: { name: string; pronoun: 'he' | 'she' | null };
  /** The text written so far: the Writer refuses a sentence it already wrote ("Ada heard a loud noise" twice). */
  written?: string;
  /** Tries below this mean token log-probability are refused (default MIN_MEAN_LOG_PROB). */
  minMeanLogProb?: number;
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
  if (context.scene !== undefined && !meetsGameBar(passage, context, known)) return null;
  if (context.subject !== undefined && !meetsWriterBar(passage, context, context.subject, known)) return null;
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

/** The kitchen and the toy box: TinyStories reaches for them whatever the story. */
const FOOD_AND_TOYS = new Set(
  ('food foods eat eats ate eating eaten hungry breakfast lunch dinner snack broccoli banana bananas apple apples carrot carrots soup bread juice milk ' +
    'cheese pizza candy cake cookie cookies pie sandwich icecream vegetables vegetable fruit fruits berries treat treats yummy delicious tasty ' +
    'toy toys ball balls doll dolls teddy blocks kite balloon balloons game games puzzle crayon crayons cups plate bowl spoon').split(' '),
);
/** More of TinyStories' nursery than NURSERY: animals and family. */
const WRITER_NURSERY = new Set(
  ('cow cows pig pigs sheep horse animals animal bunny mommy daddy mom dad mum grandma grandpa friend friends clown restaurant tummy nap hug hugs hugged ' +
    'little boy girl playground lily tim timmy').split(' '),
);
const CHEERFUL = /\b(?:party|funny|silly|pretty|cute|proud|happy|happily|excited|exciting|glad|fun|cheerful|smiled?|smiles|hug|hugs|hugged|yummy|giggled?|laughed|played|play|playing|danced?|dancing|sang|sing|singing|cheered|best friends?)\b/i;
const FEELINGS = new Set(['scared', 'afraid', 'sad', 'angry', 'worried', 'tired', 'sick', 'bad', 'happy', 'excited', 'nervous', 'upset', 'confused', 'lonely', 'brave', 'calm', 'cold', 'quiet', 'surprised']);
const PAST_VERBS = new Set(
  ('was had felt saw heard knew thought found took made went came ran sat stood kept held left got gave told said began brought caught ' +
    'fell froze hid led lost meant met put read rose sent shook slept spoke spent stole struck swore threw understood woke wore wrote could would did drew ' +
    'bit broke chose dug fought flew forgot grew hung lay lit paid rang sang sank shut slid spun stuck swung taught tore won wound').split(' '),
);
/** Adjectives TinyStories piles up ("a big, shiny blue clown"). */
const ADJECTIVES = new Set(
  ('big small little tiny huge large giant long short tall old new young good bad nice kind mean pretty beautiful ugly shiny sparkly colorful colourful bright dark ' +
    'red blue green yellow pink purple orange white black brown gray grey gold golden silver soft hard hot cold warm wet dry broken scary funny silly happy sad angry ' +
    'strange special magic magical fancy fluffy sticky smooth rough clean dirty loud quiet fast slow strong weak heavy light round square empty full great').split(' '),
);
/** Words a short sentence may say twice without looping. */
const REPEATABLE = new Set(['the', 'a', 'an', 'and', 'was', 'were', 'to', 'of', 'in', 'on', 'at', 'it', 'he', 'she', 'his', 'her', 'him', 'had', 'that', 'with', 'for', 'but', 'not', 'did', 'so', 'as', 'be', 'been', 'is', 'by', 'from', 'up', 'out', 'too', 'very']);

function meetsWriterBar(passage: string, context: PassageContext, subject: { name: string; pronoun: 'he' | 'she' | null }, known: Set<string>): boolean {
  const prompt = new Set(context.prompt.toLowerCase().match(/\p{L}+/gu) ?? []);
  const narration = passage.replace(/["“][^"”]*["”]/g, ' ');
  const lowerWords = passage.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (PRESENT.test(narration)) return false;
  // The sentence is about the chosen cast member, and every later sentence too (by name or their pronoun).
  const sentences = splitSentences(passage);
  if (!passage.startsWith(subject.name)) return false;
  // "Ada many people", "Ada grow big", "Inspector Rook, there was": the name is the subject of a past-tense verb.
  const verb = /^\s+(?:(?:also|then|quickly|slowly|suddenly|quietly|finally|just|still|never|always|carefully)\s+)?(\p{Ll}+)/u.exec(passage.slice(subject.name.length))?.[1] ?? '';
  if (!/ed$/.test(verb) && !PAST_VERBS.has(verb)) return false;
  const pronounStart = subject.pronoun === 'she' ? 'She' : subject.pronoun === 'he' ? 'He' : null;
  for (const s of sentences.slice(1)) {
    if (!s.startsWith(subject.name) && !(pronounStart && new RegExp(`^${pronounStart}\\b`).test(s))) return false;
  }
  // Pronouns only for the subject (never for a first- or second-person narrator); "it", "they" have no clear referent.
  const allowed = subject.pronoun === 'she' ? /^(?:she|her|hers|herself)$/ : subject.pronoun === 'he' ? /^(?:he|him|his|himself)$/ : null;
  for (const word of narration.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (/^(?:he|him|his|himself|she|her|hers|herself|they|them|their|theirs|themselves|it|its|itself)$/.test(word) && !(allowed?.test(word) ?? false)) return false;
  }
  // Everyone named is in the cast: TinyStories' Lily or Tim is a stranger here.
  for (const match of passage.matchAll(/(?<![.!?]\s|["“]|\p{L})\p{Lu}\p{Ll}*(?!['’\p{L}])/gu)) {
    const word = match[0];
    if (!known.has(word) && !STARTERS.has(word) && word !== 'I') return false;
    if (INVENTED_NAMES.has(word) && !known.has(word)) return false;
  }
  for (const word of lowerWords) {
    if ((NURSERY.has(word) || FOOD_AND_TOYS.has(word) || WRITER_NURSERY.has(word)) && !prompt.has(word)) return false;
  }
  if (!context.mood.includes('happy') && CHEERFUL.test(passage)) return false;
  // "a big box of broccoli colorful broken box", "scared ... also scared": a word twice in one sentence is a loop.
  for (const s of sentences) {
    const seen = new Set<string>();
    for (const word of s.toLowerCase().match(/\p{L}+/gu) ?? []) {
      if (REPEATABLE.has(word) || known.has(word.charAt(0).toUpperCase() + word.slice(1))) continue;
      if (seen.has(word)) return false;
      seen.add(word);
    }
  }
  // Three adjectives in a row, commas and "and" between them allowed.
  let run = 0;
  for (const word of passage.toLowerCase().split(/[\s,]+/).map((w) => w.replace(/[^\p{L}]/gu, ''))) {
    if (word === 'and' || word === 'very' || word === '') continue;
    run = ADJECTIVES.has(word) ? run + 1 : 0;
    if (run >= 3) return false;
  }
  if (RESTART.test(passage) || /\b(?:named|called)\s+\p{Lu}/u.test(passage)) return false;
  // "heard a loud noise and scared": a feeling joined to something that is not one.
  for (const match of passage.toLowerCase().matchAll(/(\p{L}+),? and (\p{L}+)/gu)) {
    if (FEELINGS.has(match[2]!) && !FEELINGS.has(match[1]!) && !/^(?:was|were|felt|very|so|too|got|looked|seemed)$/.test(match[1]!)) return false;
  }
  // "looked at the telephone and running around", "felt like a piece of magic bag": grammar the model lost.
  if (/\band (?!\p{L}*thing\b)\p{L}+ing\b/u.test(passage) || /\bfelt (?:like )?(?:a|an)\b/.test(passage)) return false;
  // "a clouds": an article before a plural.
  if (/\b(?:a|an)\s+(?:\p{L}+\s+)?\p{L}+[^s\s]s\b(?!['’])/u.test(passage.replace(/\b(?:a|an)\s+(?:\p{L}+ous|\p{L}+ss|bus|lens|news|series)\b/gu, ''))) return false;
  // The same deed twice in a chapter reads as a loop, whatever the point of view ("I heard a loud noise" and "Ada heard a loud noise").
  const deed = passage.slice(subject.name.length).trim().replace(/[.!?]+$/, '').toLowerCase();
  if (context.written !== undefined && deed.length > 0 && context.written.toLowerCase().includes(deed)) return false;
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
