import { splitSentences } from '../text/sentences';

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
    'Will Would Could Should Can Let Please Thank Thanks Oh Ah Hey Hello Goodbye Well Not Nearby Close Somewhere Anywhere Everywhere Sir Lady Lord Captain Mr Mrs Ms Dr Doc Old Aunt Uncle Sister Brother Keeper Chief Commander Admiral General Duchess Duke Professor Officer Miss')
    .split(' ')
    .map((w) => w.toLowerCase()),
);

export interface FoundName {
  name: string;
  /** The sentence it first appears in: a one-line summary for the character list. */
  sentence: string;
}

/** Words that end (or start) the names of places, ships' parts and things rather than people: "Kepler Deep", "Cargo Bay", "Mount Caldris". */
const PLACE_WORDS = new Set(
  ('Bay Deep Station Ring Hill Hills Street Lane Road Way Avenue Square Harbour Harbor Port Moon System Belt Ring Dock Docks Deck Bridge Hall Tower Gate Gates ' +
    'River Lake Sea Ocean Island Isle Islands Mountain Mountains Mount Valley Vale Forest Wood Woods Park Green Common Field Fields Garden Gardens Market ' +
    'Castle Keep Fort Fortress Palace Temple Chapel Church Abbey House Inn Tavern Library Academy School College Museum Mine Mines Quarter District City ' +
    'Town Village Kingdom Empire Republic Sector Quadrant Nebula Planet Colony Base Outpost Lab Laboratory Bay Core Module Wing Ward Cliff Cliffs Coast ' +
    'Shore Beach Point Cape Falls Pass Peak Ridge Canyon Desert Marsh Swamp Steps Stairs Kettle Host Army Guard Watch Council Company Corporation Inc Ltd').split(' '),
);
/** Verbs of speaking or reacting: a single name just before one ("Wren said") is a person. */
const SPEECH = /^(?:said|says|asked|asks|whispered|whispers|shouted|shouts|replied|replies|called|calls|laughed|laughs|nodded|nods|smiled|smiles|swore|swears|insisted|insists|answered|answers|cried|muttered|murmured|sighed|grinned|yelled|added|explained)$/;
const NAMED_BEFORE = /^(?:named|called)$/i;
const TITLE_WORDS = 'Mr Mrs Ms Dr Doc Captain Lady Lord Sir Old Aunt Uncle Sister Brother Queen King Prince Princess Master Keeper Chief Commander Admiral General Duchess Duke Professor Officer Sergeant Lieutenant Father Mother Miss Madam Granny Grandpa Lt Sgt Cpt Prof';
const TITLE = new RegExp(`^(?:${TITLE_WORDS.split(' ').join('|')})\\.?$`);

/**
 * Character names in prose, only where the text shows a person: a title and
 * a name ("Dr Lucas Meyer", "Captain Hale"), a two- or three-word proper name
 * that is not a place ("Dana Okafor", but not "Kepler Deep" or "the Copper
 * Kettle"), or one word that speaks ("Wren said", "said Wren") or is named
 * ("a girl named Wren"). Single capitalised words alone ("Thessaly",
 * "Halcyon", "Glass") are not enough.
 */
export function findNames(text: string, exclude: readonly string[] = []): FoundName[] {
  const excluded = new Set(exclude.flatMap((e) => e.toLowerCase().split(/[^\p{L}]+/u)).filter(Boolean));
  const found = new Map<string, FoundName>();
  const sentences = splitSentences(text);
  for (const sentence of sentences) {
    const tokens = sentence.split(/\s+/).filter(Boolean);
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
        const word = clean(raw);
        run.push(word);
        i++;
        // Punctuation or a possessive ends a name, except the dot of a title ("Mr. Hollis").
        if (/['’]s\b/.test(raw) || (/[^\p{L}]$/u.test(raw) && !TITLE.test(raw))) break;
      }
      // A word that opens a quotation ('said, "You're…"') is what was said, not who said it.
      const opensQuote = /^["“]/.test(tokens[start]!);
      const before = start > 0 && !opensQuote ? clean(tokens[start - 1]!).toLowerCase() : '';
      const namedAs = start > 1 && /^(?:name|named)$/i.test(clean(tokens[start - 2]!)) && /^(?:is|was)$/i.test(clean(tokens[start - 1]!));
      const after = i < tokens.length ? clean(tokens[i]!).toLowerCase() : '';
      // A word that closes a clause or a quotation ('"Wow," said Lily') is not who the next word is about.
      const ended = /[,;:.!?…]["”’']*$/.test(tokens[i - 1] ?? '') ? '' : after;
      const candidate = run.some(isContraction) ? null : personName(run, excluded, namedAs ? 'named' : before, ended);
      // The summary is the first sentence that mentions them, even if a later one showed they are a person.
      if (candidate && !found.has(candidate)) found.set(candidate, { name: candidate, sentence: (sentences.find((s) => s.includes(candidate)) ?? sentence).slice(0, 300) });
    }
  }
  return [...found.values()];
}

const CAPITALISED = /^["“(]?\p{Lu}\p{Ll}/u;

/** "You're", "I'm", "Don't", "It'll": a contraction is never a name. */
function isContraction(word: string): boolean {
  return /['’](?:re|m|t|ll|ve|d)$/i.test(word);
}

function clean(raw: string): string {
  return raw.replace(/^["“(]+/, '').replace(/['’]s\b.*$/, '').replace(/[^\p{L}.]+$/u, '').replace(/\.$/, '');
}

/** The person a run of capitalised words names, or null when nothing in the sentence shows it is a person. */
function personName(run: string[], excluded: Set<string>, before: string, after: string): string | null {
  const words = [...run];
  let articled = before === 'the' || before === 'a' || before === 'an';
  // Sentence openers and common words drop off the front ("The Ashen Host" → "Ashen Host", and it had an article).
  while (words.length > 0 && NOT_NAMES.has(words[0]!.toLowerCase()) && !(TITLE.test(words[0]!) && words.length > 1)) {
    if (/^(?:the|a|an)$/i.test(words[0]!)) articled = true;
    words.shift();
  }
  while (words.length > 0 && NOT_NAMES.has(words[words.length - 1]!.toLowerCase())) words.pop();
  if (words.length === 0 || words.length > 4) return null;
  if (words.some((w) => !TITLE.test(w) && excluded.has(w.toLowerCase()))) return null;
  if (words.some((w) => PLACE_WORDS.has(w))) return null;
  const titled = words.length > 1 && TITLE.test(words[0]!);
  const bare = titled ? words.slice(1) : words;
  if (bare.length === 0 || bare.length > 3 || bare.some((w) => TITLE.test(w))) return null;
  const name = titled ? `${words[0]} ${bare.join(' ')}` : bare.join(' ');
  if (titled) return name;
  // "the Copper Kettle", "the Great Bake-Off": people do not take an article.
  if (articled) return null;
  if (bare.length >= 2) return name;
  if (SPEECH.test(after) || SPEECH.test(before) || NAMED_BEFORE.test(before)) return name;
  return null;
}
