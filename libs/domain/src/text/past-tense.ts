/** Irregular verbs a player's action is likely to start with: base form → past. */
const IRREGULAR: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'be:was have:had do:did go:went come:came see:saw take:took make:made give:gave get:got find:found think:thought tell:told say:said ' +
    'speak:spoke run:ran sit:sat stand:stood hold:held keep:kept leave:left feel:felt hear:heard know:knew bring:brought buy:bought ' +
    'catch:caught draw:drew drink:drank eat:ate fall:fell fight:fought fly:flew forget:forgot freeze:froze grab:grabbed hide:hid hit:hit ' +
    'lead:led lie:lay light:lit lose:lost meet:met put:put read:read ride:rode ring:rang rise:rose seek:sought sell:sold send:sent ' +
    'shake:shook shoot:shot shut:shut sing:sang sink:sank sleep:slept slide:slid sneak:snuck spin:spun steal:stole stick:stuck strike:struck ' +
    'swear:swore sweep:swept swim:swam swing:swung teach:taught tear:tore throw:threw wake:woke wear:wore win:won write:wrote bite:bit ' +
    'blow:blew break:broke build:built burn:burned choose:chose climb:climbed dig:dug drive:drove feed:fed hang:hung kneel:knelt lay:laid ' +
    'let:let mean:meant pay:paid quit:quit set:set shine:shone show:showed shove:shoved split:split spread:spread spring:sprang ' +
    'stir:stirred stop:stopped step:stepped drop:dropped grip:gripped hug:hugged nod:nodded plan:planned rob:robbed rub:rubbed shrug:shrugged ' +
    'slip:slipped tap:tapped trip:tripped wrap:wrapped beg:begged bid:bid cut:cut cast:cast hurt:hurt bend:bent lend:lent spend:spent ' +
    'understand:understood undo:undid withdraw:withdrew overhear:overheard'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** "climbs" → "climb", "searches" → "search", "tries" → "try"; other words as they are. */
function baseForm(verb: string): string {
  if (IRREGULAR[verb]) return verb;
  if (/(?:ss|us|is)$/.test(verb)) return verb;
  if (/[^aeiou]ies$/.test(verb)) return verb.slice(0, -3) + 'y';
  if (/(?:ch|sh|x|zz|ss|o)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^s]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** "open" → "opened", "try" → "tried", "draw" → "drew"; null when the word does not look like a verb in its base form. */
export function pastOf(word: string): string | null {
  const verb = baseForm(word.toLowerCase());
  if (IRREGULAR[verb]) return IRREGULAR[verb]!;
  if (!/^\p{Ll}+$/u.test(verb) || verb.length < 2) return null;
  if (/(?:ed|ing|ly)$/.test(verb)) return null;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

const ADVERB = /^\p{Ll}+ly$/u;
/** Words an action may start with that are not verbs: "the door", "nothing". */
const NOT_VERBS = new Set(
  'the a an to at in on with your my his her their its it this that these those there here what who why how where when nothing something everything anything up down out away back no yes not and or but then so very just only'.split(' '),
);

/**
 * A base-form action phrase in the past tense: "draw your sword" → "drew
 * your sword", "carefully open the door" → "carefully opened the door".
 * Null when its first word is not a verb we can put in the past.
 */
export function toPastTense(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/);
  const at = words.findIndex((word) => !ADVERB.test(word));
  if (at < 0 || at > 1) return null;
  const verb = words[at]!;
  if (!/^\p{Ll}/u.test(verb) || NOT_VERBS.has(verb)) return null;
  const past = pastOf(verb);
  if (!past) return null;
  const rest = words.slice(at + 1).map((word, i, all) => (i > 0 && /^(?:and|then)$/.test(all[i - 1]!) && ACTION_VERBS.has(word) ? (pastOf(word) ?? word) : word));
  return [...words.slice(0, at), past, ...rest].join(' ');
}

/** Verbs a second action in one input is likely to be ("draw your sword and watch the road"): only these are put in the past after "and". */
const ACTION_VERBS = new Set(
  [
    ...Object.keys(IRREGULAR),
    ...'look watch open close walk ask call wait listen search check pull push turn try enter follow stare shout whisper knock move touch grab help warn thank greet answer climb jump duck hide pray kneel light wave point nod smile laugh return head hurry rush'.split(' '),
  ],
);
