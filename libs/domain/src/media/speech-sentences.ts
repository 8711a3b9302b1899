/** A sentence break the segmenter makes that a reader would not: each with why it is joined back. */
const FALSE_BREAKS: readonly { name: string; reason: string; joins(before: string, after: string): boolean }[] = [
  {
    name: 'title',
    reason: 'Titles before a name ("Mr. Fox") end in a full stop but not a sentence.',
    joins: (before) => /\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Capt|Gen|Col|Lt|Sgt|Rev|Hon|Mt|Ft)\.\s*$/.test(before),
  },
  { name: 'latin', reason: 'e.g. and i.e. are followed by more of the same sentence.', joins: (before) => /\b(?:e\.g|i\.e|etc|vs|cf|approx)\.\s*$/i.test(before) },
  { name: 'initial', reason: 'A single capital and a full stop is an initial ("J. R. Smith").', joins: (before) => /(?:^|\s)[A-Z]\.\s*$/.test(before) },
  {
    name: 'dialogue-tag',
    reason: 'After a quoted "Run!" the tag "she cried." starts in lower case and belongs to the same sentence.',
    joins: (before, after) => /[!?…]["'”’»)]*\s*$/.test(before) && /^\s*\p{Ll}/u.test(after),
  },
];

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The text's sentences, trimmed, with the segmenter's false breaks after titles and initials joined back. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  const segments = Array.from(sentenceSegmenter.segment(text), ({ segment }) => segment);
  let pending = '';
  for (const [index, segment] of segments.entries()) {
    pending += segment;
    const next = segments[index + 1];
    if (next !== undefined && FALSE_BREAKS.some((rule) => rule.joins(pending, next))) continue;
    if (pending.trim()) sentences.push(pending.trim().replace(/\s+/g, ' '));
    pending = '';
  }
  return sentences;
}

/**
 * Long text cut for speech, one piece per synthesis step: whole sentences
 * packed up to `maxChars`, so the first piece can play while the next is made.
 * A sentence longer than that is cut at a clause break, else between words.
 */
export function splitForSpeech(text: string, maxChars = 400): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentencesOf(text).flatMap((sentence) => cutLong(sentence, maxChars))) {
    if (current && current.length + 1 + sentence.length > maxChars) {
      pieces.push(current);
      current = sentence;
    } else {
      current = current ? `${current} ${sentence}` : sentence;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function cutLong(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  const window = sentence.slice(0, maxChars + 1);
  const clause = Math.max(...[', ', '; ', ': ', ' — ', ' – '].map((mark) => window.lastIndexOf(mark)));
  const space = window.lastIndexOf(' ');
  // A clause break in the first quarter would leave a stub; prefer the last space then.
  const cut = clause > maxChars / 4 ? clause + 1 : space > 0 ? space : maxChars;
  const head = sentence.slice(0, cut).trim();
  return [head, ...cutLong(sentence.slice(cut).trim(), maxChars)].filter(Boolean);
}
