import { splitSentences } from '../engine/text/sentences';

/** Capitalised words that start sentences or name things, but are not characters. */
const NOT_NAMES = new Set(
  ('The A An And But Or So Then When While After Before As At In On Of To From With Without Into Onto Over Under Above Below ' +
    'Behind Beyond Inside Outside Near Far Once One Two Three Every Each All Some Many Most No Not Nothing Everything Something Someone ' +
    'Everyone Nobody I You He She It We They Me Him Her Us Them My Your His Its Our Their This That These Those There Here What Who ' +
    'Why How Where Which Whatever Whoever Just Only Even Still Now Soon Later Suddenly Slowly Quickly Finally Meanwhile Together Yes ' +
    'Perhaps Maybe Long Deep High Old New Little Big Great Good Bad Dark Light Night Day Morning Evening Today Tomorrow Yesterday ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October ' +
    'November December North South East West God Mom Dad Mommy Daddy Player Narrator Chapter Act Turn Around Across Along Through ' +
    'Against Toward Towards Never Always Sometimes Again Because Since Until Unless Though Although If Whether Do Does Did Is Are Was Were ' +
    'Will Would Could Should Can Let Please Thank Thanks Oh Ah Hey Hello Goodbye Well Not Nearby Close Somewhere Anywhere Everywhere Sir Lady Lord Captain Mr Mrs Ms Dr Doc Old Aunt Uncle Sister Brother')
    .split(' ')
    .map((w) => w.toLowerCase()),
);
const TITLES = /^(?:Mr|Mrs|Ms|Dr|Doc|Captain|Lady|Lord|Sir|Old|Aunt|Uncle|Sister|Brother|Queen|King|Prince|Princess|Master)$/;

export interface FoundName {
  name: string;
  /** The sentence it first appears in: a one-line summary for the character list. */
  sentence: string;
}

/**
 * Character names in prose: runs of capitalised words inside sentences
 * ("Captain Hale"), and a sentence's first word when a verb follows it
 * ("Wren smiled."). Place words and common openers are left out.
 */
export function findNames(text: string, exclude: readonly string[] = []): FoundName[] {
  const excluded = new Set(exclude.flatMap((e) => e.toLowerCase().split(/[^\p{L}]+/u)).filter(Boolean));
  const found = new Map<string, FoundName>();
  for (const sentence of splitSentences(text)) {
    const tokens = sentence.split(/\s+/);
    let i = 0;
    while (i < tokens.length) {
      if (!CAPITALISED.test(tokens[i]!)) {
        i++;
        continue;
      }
      const start = i;
      const run: string[] = [];
      while (i < tokens.length && CAPITALISED.test(tokens[i]!)) {
        const raw = tokens[i]!;
        const word = raw.replace(/^["“(]+/, '').replace(/['’]s\b.*$/, '').replace(/[^\p{L}]+$/u, '');
        run.push(word);
        i++;
        // Punctuation or a possessive ends a name, except the dot of a title ("Mr. Hollis").
        if (/['’]s\b/.test(raw) || (/[^\p{L}]$/u.test(raw) && !TITLES.test(word))) break;
      }
      const candidate = trimRun(run, excluded);
      if (!candidate) continue;
      const atStart = start === 0 || /^["“]/.test(tokens[start]!);
      const next = (tokens[i] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
      if (atStart && run.length === 1 && !ACTS.test(next)) continue;
      if (!found.has(candidate)) found.set(candidate, { name: candidate, sentence: sentence.slice(0, 300) });
    }
  }
  return [...found.values()];
}

const CAPITALISED = /^["“(]?\p{Lu}\p{Ll}/u;
/** A verb right after a sentence's first word marks it as someone acting ("Wren smiled"). */
const ACTS = /^(?:\p{Ll}+ed|said|says|was|is|had|has|ran|went|stood|sat|saw|took|gave|came|knew|told|felt|kept|held|spoke|looks|smiles|nods|waits|lives|keeps)$/u;

function trimRun(run: string[], excluded: Set<string>): string | null {
  const words = [...run];
  // Keep titles only in front of a name ("Captain Hale"), drop common words and place words.
  while (words.length > 0 && NOT_NAMES.has(words[0]!.toLowerCase()) && !(TITLES.test(words[0]!) && words.length > 1)) words.shift();
  while (words.length > 0 && NOT_NAMES.has(words[words.length - 1]!.toLowerCase())) words.pop();
  if (words.length === 0 || words.length > 3) return null;
  if (words.some((w) => !TITLES.test(w) && excluded.has(w.toLowerCase()))) return null;
  return words.join(' ');
}
