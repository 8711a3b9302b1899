import { PLACE_NOUNS } from './place-nouns';

/**
 * Finds where a sentence says someone goes: "go to the cellar", "enter the
 * Sunken Library", "you arrive at Port Vell". Returns the place as written
 * ("the cellar"), or null. Places need an article, a possessive or a capital,
 * so "go to sleep" and "walk home quickly" are not places.
 */
const MOVE = /\b(?:go|goes|going|went|head|heads|headed|walk|walks|walked|run|runs|ran|climb|climbs|climbed|step|steps|stepped|return|returns|returned|travel|travels|travelled|traveled|sail|sails|sailed|hurry|hurried|move|moves|moved|descend|descended|wander|wandered|follow|followed|ride|rode|sneak|sneaks|snuck|sneaked|slip|slips|slipped|creep|creeps|crept|dash|dashes|dashed|stroll|strolled|march|marched|crawl|crawled|swim|swam|race|raced|rush|rushed|hurries|limp|limped|make|made|dive|dived|jump|jumped|back|wade|waded)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:to|into|inside|toward|towards|through)\s+|\b(?:enter|enters|entered|entering|reach|reaches|reached)\s+|\b(?:arrive|arrives|arrived|arriving)\s+(?:at|in)\s+/giu;

const STOP_WORDS = new Set(['and', 'with', 'to', 'where', 'because', 'but', 'then', 'so', 'while', 'for', 'when', 'before', 'after', 'as', 'until', 'if', 'or', 'that', 'which', 'who', 'carefully', 'quickly', 'slowly', 'quietly', 'again', 'now', 'together', 'alone', 'at', 'in', 'on', 'by']);

const ARTICLES = /^(?:the|a|an|my|your|his|her|their|our)$/i;

export function findDestination(text: string): string | null {
  let found: string | null = null;
  for (const match of text.matchAll(MOVE)) {
    const after = text.slice((match.index ?? 0) + match[0].length);
    const place = readPlace(after);
    if (place) found = place; // the last movement in the text is where one ends up
  }
  return found;
}

/** One rule a place read after a movement verb must keep, with why. */
interface PlaceRule {
  name: string;
  reason: string;
  /** The place's words (article first, if any); false: this is no place. */
  accepts(words: readonly string[]): boolean;
}

const capitalised = (word: string) => /^\p{Lu}/u.test(word);

/** Named rules for what counts as somewhere to be; every one must accept. */
export const PLACE_RULES: readonly PlaceRule[] = [
  {
    name: 'an article needs more',
    reason: '"go to the" names nothing.',
    accepts: (words) => !ARTICLES.test(words[0]!) || words.length >= 2,
  },
  {
    name: 'no pronoun',
    reason: '"run to it", "walk to her" go to someone or something, not somewhere.',
    accepts: (words) => !/^(?:I|You|He|She|It|We|They|Him|Her|Them|Me|Us)$/i.test(words[0]!),
  },
  {
    name: 'a common noun must be a place',
    reason: '"the pile", "the sword", "the night" are not places one can be in; "the lamp room" and "your house" are.',
    accepts: (words) => !ARTICLES.test(words[0]!) || words.slice(1).some((word) => capitalised(word) || PLACE_NOUNS.has(word.toLowerCase())),
  },
  {
    name: 'a bare word is a name or a place',
    reason: '"walk home quickly", "go to sleep": without an article a place is a name ("Port Vell") or a place noun ("hydroponics").',
    accepts: (words) => ARTICLES.test(words[0]!) || capitalised(words[0]!) || (words.length === 1 && PLACE_NOUNS.has(words[0]!.toLowerCase())),
  },
];

function readPlace(text: string): string | null {
  const words = text.split(/\s+/).slice(0, 7);
  const kept: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[^\p{L}\p{N}'’-]+$/u, '');
    const lower = word.toLowerCase();
    if (!word || (kept.length > 0 && STOP_WORDS.has(lower))) break;
    // A proper name ends at the first lower-case word ("Emberfall the night before" → "Emberfall"), "of" between names aside ("Vale of Sunreach").
    if (kept.length > 0 && capitalised(kept[0]!) && !capitalised(word) && !(/^of$/i.test(word) && capitalised(words[kept.length + 1] ?? ''))) break;
    kept.push(word);
    if (word !== raw) break; // punctuation ends the place
  }
  while (kept.length > 0 && (STOP_WORDS.has(kept[kept.length - 1]!.toLowerCase()) || /^of$/i.test(kept[kept.length - 1]!))) kept.pop();
  if (kept.length === 0) return null;
  const place = kept.slice(0, 5);
  if (!PLACE_RULES.every((rule) => rule.accepts(place))) return null;
  return place.join(' ').replace(/^my\b/i, 'your').replace(/^My\b/, 'Your');
}
