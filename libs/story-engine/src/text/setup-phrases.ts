import { splitSentences } from '@storyos/domain';

/** A rule for folding a line of the setup into a sentence, with why. */
interface FoldRule {
  name: string;
  why: string;
  apply(text: string): string;
}

/** Finite verbs that show a plot element is a clause ("the curator is murdered"), not a thing. */
const CLAUSE_VERB = /(?<!['’]s )\b(?:is|are|was|were|has|have|had|will|must|can|cannot|goes|went|dies|died|vanishes|vanished|disappears|disappeared|returns|returned|arrives|arrived|wants|wanted|hides|hid|steals|stole|finds|found|falls|fell|breaks|broke|begins|began)\b/i;

/** Words that may open a name and must keep their capital. */
const KEEPS_CAPITAL = /^(?:I|[A-Z]\w*\s+[A-Z]|[A-Z]{2,})/;

const PLOT_ELEMENT_RULES: FoldRule[] = [
  {
    name: 'article in lower case',
    why: '"is the first to notice A stolen golden scarab": a list item starts with a capital the sentence does not want',
    apply: (text) => text.replace(/^(A|An|The|Some|Its|His|Her|Their)\s/, (word) => word.toLowerCase()),
  },
  {
    name: 'common noun in lower case',
    why: '"Betrayal by a friend" opens a list item, not a sentence; a name ("Lord Ash", "NASA") keeps its capital',
    apply: (text) => (/^\p{Lu}\p{Ll}/u.test(text) && !KEEPS_CAPITAL.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text),
  },
  {
    name: 'a clause becomes a thing',
    why: '"must face the curator is murdered": an element written as a clause is told as the news of it',
    apply: (text) => (CLAUSE_VERB.test(text) ? `the news that ${text}` : text),
  },
];

/** One plot element as a noun phrase that can stand mid-sentence. */
export function plotElementPhrase(element: string): string {
  const text = element.trim().replace(/[.!]+$/, '');
  return PLOT_ELEMENT_RULES.reduce((out, rule) => rule.apply(out), text);
}

/** "1920s", "1920", "the 1920s", "the year 2300". */
const TIME = /^(?:in\s+)?(?:the\s+)?(?:year\s+)?(?:early\s+|late\s+|mid-)?(\d{3,4}s?|\d{1,2}(?:st|nd|rd|th)\s+century)(?:\s+(?:AD|BC|CE|BCE))?$/i;

export interface FoldedSetting {
  /** A noun phrase for "In …," or null when the setting reads as sentences. */
  phrase: string | null;
  /** The setting's first sentence, when it is written as prose. */
  sentence: string | null;
  /** Further places a listed setting names ("the museum", "the souk"), for scenes. */
  places: string[];
}

const VERB = /\b(?:is|are|was|were|has|have|had|lies|lay|stands|stood|sits|sat|lives|lived|rises|rose|holds|held|hides|hid|waits|waited|begins|began)\b/i;

/**
 * The setting as the premise and the first chapter say it. A phrase ("a
 * fog-bound seaside town in 1920") is used as it is; a list ("Cairo, 1920s;
 * the museum, the souk") becomes its first place with its time ("Cairo in
 * the 1920s"), the rest kept as places for scenes; prose keeps its first sentence.
 */
export function foldSetting(setting: string): FoldedSetting {
  const text = setting.trim().replace(/\s+/g, ' ');
  const sentences = splitSentences(text);
  const first = sentences[0] ?? text;
  if (sentences.length > 1 || VERB.test(first) || first.split(/\s+/).length > 25) {
    return { phrase: null, sentence: /[.!?]["”’]?$/.test(first) ? first : `${first}.`, places: [] };
  }
  const items = first
    .replace(/[.!]+$/, '')
    .split(/\s*[;\n]\s*|,\s*(?:and\s+)?|\s+and\s+(?=(?:a|an|the)\s)/)
    .map((item) => item.trim())
    .filter(Boolean);
  // Few enough commas to be one phrase ("a quiet, rainy harbour town"): kept whole.
  if (items.length <= 1 || (!/;/.test(first) && items.length === 2 && !TIME.test(items[1]!))) {
    return { phrase: lowerArticle(first.replace(/[.!]+$/, '')), sentence: null, places: [] };
  }
  const [place, ...rest] = items;
  const time = rest.find((item) => TIME.test(item));
  const places = rest.filter((item) => item !== time).map(lowerArticle);
  const when = time ? ` in ${timePhrase(time)}` : '';
  return { phrase: `${lowerArticle(place!)}${when}`, sentence: null, places };
}

function lowerArticle(phrase: string): string {
  return /^(?:A|An|The)\s/.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/** "1920s" → "the 1920s"; "1920" → "1920"; "the year 2300" as written. */
function timePhrase(time: string): string {
  const bare = time.replace(/^in\s+/i, '');
  if (/^the\s/i.test(bare) || /^\d{3,4}$/.test(bare) || /year/i.test(bare)) return bare.replace(/^The\s/, 'the ');
  return `the ${bare}`;
}
