import { findDestination, isNonsense, mentionsKeyword, normaliseAction, splitSentences, type GameProseBrief as StoryBrief } from '@storyos/domain';
import { GAME_LEXICON, TONE_LEXICON } from '../lexicon/lexicons';
import { hashString, Rng } from '../random';
import { whitespaceWordCount } from '../text/words';
import { targetOf, type ActionTarget, type ThingVerb } from './action-target';
import { castOf, type CastMember } from './cast';
import { fill, Picker, placeName, roleName, sentence } from './phrasing';
import type { Segment, StoryPlan } from './story-plan';

/** Fillers are written below this, leaving room for the closing line to stay above 80 words. */
const MIN_WORDS = 90;
const MAX_WORDS = 170;

type OpeningBrief = Extract<StoryBrief, { task: 'game.opening' }>;
type TurnBrief = Extract<StoryBrief, { task: 'game.turn' }>;

export function planGameReply(brief: StoryBrief, seed: number): StoryPlan {
  return brief.task === 'game.opening' ? planOpening(brief, seed) : planTurn(brief, seed);
}

/**
 * Picks lines so that a session does not repeat itself: each bank is walked
 * in a shuffled order fixed per session (scenario and player), indexed by
 * turn, so a line comes back only after the whole bank has been used.
 */
class Cycle {
  constructor(
    private readonly key: number,
    private readonly turn: number,
    /** Which alternative of the reply: each regeneration steps every bank on, so its lines differ from the first word. */
    private readonly variant = 0,
  ) {}

  /** The j-th of perTurn picks this turn from bank (named id, so banks shuffle independently). */
  pick<T>(bank: readonly T[], id: string, j = 0, perTurn = 1): T {
    const rng = new Rng((this.key ^ hashString(id)) >>> 0);
    const order = bank.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      [order[i], order[k]] = [order[k]!, order[i]!];
    }
    return bank[order[(this.turn * perTurn + j + this.variant) % order.length]!]!;
  }
}

function sessionKey(brief: StoryBrief): number {
  return hashString(`${brief.scenarioName}\n${brief.playerName}\n${brief.tone}`);
}

/** Who leads the scene on a turn, changing every two turns, so someone stays a while before another takes over. */
function rotation(cast: CastMember[], key: number, turn: number): CastMember {
  return cast[(Math.floor(Math.max(0, turn) / 2) + (key % 7)) % cast.length]!;
}

function planOpening(brief: OpeningBrief, seed: number): StoryPlan {
  const rng = new Rng((seed ^ hashString(`opening\n${brief.variant ?? 0}`)) >>> 0);
  const p = new Picker(rng);
  const lex = TONE_LEXICON[brief.tone];
  const glex = GAME_LEXICON[brief.tone];
  const cast = castOf(brief);
  const npc = rotation(cast, sessionKey(brief), 0);
  const full = placeName(brief.location);
  const vars = { place: full, player: brief.playerName.trim(), npc: npc.name, thing: p.pick(lex.things) };
  const short = { ...vars, place: shortPlace(full) };
  const role = roleName(brief.playerRole);
  const scene = modelScene(brief, npc, short.place);

  const segments: Segment[] = [
    text(`${p.pick(lex.times)}, ${fill(p.pick(lex.airs), vars)}.`),
    text(
      fill(
        p.pick([
          `You were {player}, ${role}, and ${p.pick(ROLE_TAILS)}`,
          `Your name was {player}. You were ${role}, and ${p.pick(ROLE_TAILS)}`,
          `As ${role}, you, {player}, ${p.pick(ROLE_DUTIES)}`,
        ]),
        short,
      ),
    ),
  ];
  const settingLine = settingSentence(brief.setting);
  if (settingLine) segments.push(text(settingLine));
  segments.push(model(rng, cast, p.pick([...lex.sounds, ...glex.sounds]), scene, firstName(vars.player)));
  segments.push(text(introduce(npc, fill(p.pick(lex.gestures), short)), true));
  segments.push(model(rng, cast, spoken(rng, npc.name, p.pick(lex.lines)), scene, `${firstName(npc.name)} said, "`));
  segments.push(text(fill(`${p.pick(FINDS)} {thing}.`, vars)));
  segments.push({ kind: 'text', text: p.pick([...lex.feelings, ...glex.feelings]), onlyIfWordsBelow: MIN_WORDS });
  segments.push({ kind: 'text', text: p.pick([...lex.sounds, ...glex.sounds]), onlyIfWordsBelow: MIN_WORDS });
  segments.push(text(p.pick(lex.hooks)));
  return gamePlan(brief, segments, vars.player, lex.mood);
}

function planTurn(brief: TurnBrief, seed: number): StoryPlan {
  // The turn and action stir the seed, so a session that reuses one seed still gets fresh wording each turn.
  const rng = new Rng((seed ^ hashString(`${brief.turn}\n${brief.action}\n${brief.variant ?? 0}`)) >>> 0);
  const p = new Picker(rng);
  const lex = TONE_LEXICON[brief.tone];
  const glex = GAME_LEXICON[brief.tone];
  const key = sessionKey(brief);
  const c = new Cycle(key, brief.turn, brief.variant ?? 0);
  const mode = brief.mode ?? 'do';
  const cast = castOf(brief);
  const acting = mode === 'do' || mode === 'say';
  const target = acting ? (cardTarget(brief, cast) ?? targetOf(brief.action, cast, brief.playerName)) : null;
  const talkedTo = target?.kind === 'person' ? target.member : null;
  const npc = talkedTo ?? rotation(cast, key, brief.turn);
  if (!cast.includes(npc)) cast.unshift(npc);
  const before = namedIn(brief.recentEvents[brief.recentEvents.length - 1] ?? '', cast) ?? rotation(cast, key, brief.turn - 1);
  const nonsense = mode === 'do' && isNonsense(brief.action);
  const destination = mode === 'do' && !nonsense ? findDestination(brief.action) : null;
  const full = placeName(destination ?? brief.location);
  const vars = { place: shortPlace(full), player: brief.playerName.trim(), npc: npc.name, thing: c.pick(lex.things, 'things') };
  const action = mode === 'say' ? { kind: 'speech' as const, phrase: spokenLine(brief.action) } : normaliseAction(brief.action, vars.player);
  const scene = `${modelScene(brief, npc, vars.place)}${simpleWish(action.kind === 'act' && mode === 'do' ? action.phrase : '', vars.player)}`;
  const sounds = [...lex.sounds, ...glex.sounds];
  const feelings = [...lex.feelings, ...glex.feelings];

  const segments: Segment[] = [];
  if (nonsense) {
    // Keyboard mashing is no action: the world answers in its own words, not "you set out to asdf".
    segments.push(text(c.pick(NOTHING_HAPPENS, 'nothing')));
  } else if (mode === 'story' || mode === 'continue') {
    // The player's story text is already on the page; a "continue" has none: the narrator simply goes on.
  } else if (action.kind === 'speech') {
    segments.push(text(p.pick([`You said, "${action.phrase}"`, `"${action.phrase}" you said.`, `You spoke up: "${action.phrase}"`])));
  } else if (action.kind === 'done') {
    segments.push(text(sentence(`you ${action.phrase}`)));
  } else {
    segments.push(
      text(
        c.pick(
          [`${p.pick(lex.resolve)} you decided to ${action.phrase}.`, `You decided to ${action.phrase}.`, `You chose to ${action.phrase}.`, `You took a breath and set out to ${action.phrase}.`],
          'intent',
        ),
      ),
    );
  }
  if (target?.kind === 'thing') segments.push(text(fill(c.pick(THING_ANSWERS[target.verb], `thing-${target.verb}`), { ...vars, obj: target.phrase })));
  const airTemplate = c.pick(lex.airs, 'airs');
  segments.push(
    text(
      destination
        ? `${p.pick(['Soon you reached', 'Before long you arrived at', 'At last you came to', 'A little later you stepped into'])} ${full}, where ${fill(airTemplate, { ...vars, place: 'it' })}.`
        : `${p.pick(['All around you', 'For a moment', 'Meanwhile', 'Just then', 'Around you'])}, ${fill(airTemplate, vars)}.`,
    ),
  );
  if (nonsense) {
    segments.push(text(c.pick([...feelings], 'feelings', 0, 2)));
    segments.push(text(c.pick(lex.hooks, 'closing')));
    return gamePlan(brief, segments, vars.player, lex.mood);
  }
  segments.push(model(rng, cast, c.pick(sounds, 'sounds', 0, 2), scene, firstName(vars.player)));
  // Someone new to the scene arrives; someone already there acts where they are; someone the player turns to is there at once.
  const arrives = npc !== before && !talkedTo;
  if (arrives) {
    segments.push(text(`${c.pick(ARRIVAL_LEADS, 'arrival-lead')} ${npc.name} ${c.pick(APPEARANCES, 'appearances')} ${vars.place}.`, true));
  } else if (destination) {
    segments.push(text(fill(c.pick(FOLLOWS, 'follows'), vars), true));
  }
  // After the first mention, the short name: "Dr Meyer", "Dana".
  const later = arrives || destination ? { ...vars, npc: shortName(npc.name) } : vars;
  const gesture =
    action.kind === 'speech' || talkedTo
      ? fill(c.pick(LISTENS, 'listens'), later)
      : fill(c.pick([...lex.gestures.filter((g) => !g.includes('{place}')), ...glex.acts], 'gestures'), later);
  segments.push(text(gesture, !arrives && !destination));
  if (target?.kind === 'person' && target.asksName) {
    // Asked for a name, they give one: the world-state step then knows them by it.
    const name = p.pick(STRANGER_NAMES.filter((candidate) => !cast.some((member) => member.name.includes(candidate))));
    segments.push(text(spoken(rng, shortName(npc.name), `My name is ${name}.`)));
  } else {
    segments.push(model(rng, cast, spoken(rng, shortName(npc.name), c.pick(lex.lines, 'lines')), scene, `${firstName(npc.name)} said, "`));
  }
  const find = fill(`${c.pick(FINDS, 'finds')} {thing}.`, vars);
  const findFirst = rng.chance(0.5);
  segments.push(text(findFirst ? find : c.pick(feelings, 'feelings', 0, 2)));
  segments.push({ kind: 'text', text: findFirst ? c.pick(feelings, 'feelings', 0, 2) : find, onlyIfWordsBelow: MIN_WORDS });
  segments.push({ kind: 'text', text: c.pick(feelings, 'feelings', 1, 2), onlyIfWordsBelow: MIN_WORDS });
  segments.push({ kind: 'text', text: c.pick(sounds, 'sounds', 1, 2), onlyIfWordsBelow: MIN_WORDS });
  segments.push({ kind: 'text', text: fill(c.pick(LINGERS, 'lingers'), vars), onlyIfWordsBelow: MIN_WORDS });
  segments.push(text(c.pick([...lex.hooks, ...CLOSINGS.map((t) => fill(t, vars))], 'closing')));
  return { ...gamePlan(brief, segments, vars.player, lex.mood), ...(mode === 'story' && { context: brief.action }) };
}

/** A character card the action names ("ask the smuggler …" with a card keyed "smuggler"): they are who answers. */
function cardTarget(brief: TurnBrief, cast: CastMember[]): ActionTarget | null {
  const card = (brief.cards ?? []).find((entry) => entry.kind === 'character' && entry.keywords.some((keyword) => mentionsKeyword(brief.action, keyword)));
  if (!card) return null;
  const member = cast.find((m) => m.name === card.title) ?? { name: card.title, epithet: '' };
  return { kind: 'person', member, asksName: false, known: true };
}

/** What the player says in Say mode, as a finished line. */
function spokenLine(words: string): string {
  const trimmed = words.trim().replace(/^["“']|["”']$/g, '');
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

const NOTHING_HAPPENS = [
  'You hesitated, and nothing came of it.',
  'Nothing happened. The moment passed as if you had done nothing at all.',
  'You fumbled for a moment, but nothing happened.',
  'Whatever you meant to do, nothing came of it.',
];
/** Names a stranger gives when asked. */
const STRANGER_NAMES = ['Maren', 'Ysolde', 'Corin', 'Tamsin', 'Bram', 'Odile', 'Rook', 'Ilse', 'Fennick', 'Hesper'];
const THING_ANSWERS: Record<ThingVerb, readonly string[]> = {
  take: ['{Obj} was heavier than it looked, and cold in your hands.', 'You closed your fingers around {obj}; it fit your grip as if it had waited for you.', '{Obj} came away easily, and you tucked it close.'],
  examine: ['You looked closely at {obj}: every scratch and mark on it seemed to hold a story.', 'Up close, {obj} was not quite what it had seemed.', 'You turned your attention to {obj}, and one small detail caught your eye.'],
  open: ['{Obj} gave way with a low creak.', '{Obj} resisted, then opened all at once.', 'With a click, {obj} opened.'],
  use: ['{Obj} answered your touch at once.', 'You set to work on {obj}, and it did as you hoped.', 'For a moment {obj} did nothing; then it stirred.'],
};

function gamePlan(brief: StoryBrief, segments: Segment[], player: string, mood: readonly string[]): StoryPlan {
  const scene = `${brief.setting} ${brief.location} ${brief.playerRole}${brief.task === 'game.turn' ? ` ${brief.action}` : ''}`;
  return { segments, playerName: player, pov: 'second', narratorNames: [player, firstName(player)], mood, scene, vocabulary: toneVocabulary(brief.tone), tries: GAME_TRIES };
}

/** Every lower-case word of a tone's phrase banks, once. */
function toneVocabulary(tone: StoryBrief['tone']): readonly string[] {
  return [...new Set(JSON.stringify([TONE_LEXICON[tone], GAME_LEXICON[tone]]).toLowerCase().match(/\p{L}+/gu) ?? [])];
}

/** The model's tries per slot: the forward pass is fast, and a strict bar refuses most. */
const GAME_TRIES = 10;

/** "Dr Lucas Meyer" → "Lucas", "Sam Reyes" → "Sam": the short name a TinyStories sentence would use. */
export function firstName(name: string): string {
  // "the stranger" is known by what they are: no first name to take.
  if (/^(?:the|a|an)\s/.test(name)) return name.trim();
  const words = name.trim().split(/\s+/);
  const bare = words.length > 1 && TITLE.test(words[0]!) ? words.slice(1) : words;
  return bare[0] ?? name.trim();
}
/** "Dr Lucas Meyer" → "Dr Meyer", "Dana Okafor" → "Dana", "Captain Hale" stays. */
export function shortName(name: string): string {
  if (/^(?:the|a|an)\s/.test(name)) return name.trim();
  const words = name.trim().split(/\s+/);
  if (words.length > 2 && TITLE.test(words[0]!)) return `${words[0]} ${words[words.length - 1]}`;
  if (words.length === 2 && !TITLE.test(words[0]!)) return words[0]!;
  return name.trim();
}
const TITLE = /^(?:Mr|Mrs|Ms|Dr|Doc|Captain|Lady|Lord|Sir|Old|Aunt|Uncle|Sister|Brother|Queen|King|Prince|Princess|Master|Keeper|Chief|Commander|Admiral|General|Duchess|Duke|Professor|Miss)\.?$/;

/**
 * "the docking ring of Kepler Deep" → "the docking ring", "the landing stage
 * below the lighthouse" → "the landing stage"; "the foot of the Hundred
 * Steps" and "the old well" stay whole (the head alone would say nothing).
 */
export function shortPlace(place: string): string {
  const match = /^(.*?)\s+(of|above|below|beneath|on|in|at|near|beside|behind|under|by|outside|inside)\s+\S/u.exec(place);
  if (!match) return place;
  const head = match[1]!;
  const words = head.replace(/^(?:the|a|an|your|my|his|her|their|our)\s+/i, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return place;
  if (match[2] === 'of' && words.length < 2) return place;
  return head;
}

/**
 * What the model continues: short third-person sentences about the scene, in
 * TinyStories' own register ("Sam was a pilot. Sam was at the docking ring.
 * Dana was there too. It was dark and loud."). Complex sentences from the
 * reply would only confuse a 260K model.
 */
function modelScene(brief: StoryBrief, npc: CastMember, place: string): string {
  const player = firstName(brief.playerName);
  const role = simpleRole(brief.playerRole);
  const where = place.replace(/^(?:your|my)\s/i, 'the ');
  return [role ? `${player} was ${role}.` : '', `${player} was at ${where}.`, `${firstName(npc.name)} was there too.`, GAME_LEXICON[brief.tone].scene.join(' ')].filter(Boolean).join(' ');
}

/** "the pilot of the rescue shuttle Halcyon" → "a pilot"; "a nervous first-time contestant baking in …" → "a nervous first-time contestant". */
function simpleRole(role: string): string {
  const words = role.trim().replace(/^(?:the|a|an|your|my)\s+/i, '').split(/\s+/);
  const kept: string[] = [];
  for (const word of words) {
    if (/^(?:of|who|that|which|in|on|at|to|from|with|for|sent|and|,)$/i.test(word) || /ing$|ed$/.test(word) || /[^\p{L}'’-]/u.test(word) || kept.length === 3) break;
    kept.push(word);
  }
  if (kept.length === 0 || kept.some((w) => /^\p{Lu}/u.test(w))) return '';
  return `${/^[aeiou]/i.test(kept[0]!) ? 'an' : 'a'} ${kept.join(' ')}`;
}

/** "Sam wanted to check the radio." when the action is plain enough for the model. */
function simpleWish(phrase: string, player: string): string {
  const words = phrase.split(/\s+/);
  if (!phrase || words.length > 5 || /[^\p{Ll}\s'’-]/u.test(phrase)) return '';
  return ` ${firstName(player)} wanted to ${phrase}.`;
}

/** The cast member a timeline event names (the one the player dealt with last turn). */
function namedIn(event: string, cast: CastMember[]): CastMember | null {
  return cast.find((member) => event.includes(member.name)) ?? null;
}

const LINGERS = ['Nothing about {place} felt quite the same any more.', 'You took in every detail of {place}.', 'For a heartbeat, nobody moved.', 'You weighed what you had seen so far.', 'The moment stretched out.'];
const ARRIVAL_LEADS = ['Just then,', 'A moment later,', 'Without warning,', 'To your surprise,', 'Before long,'];
const FOLLOWS = ['{Npc} was right behind you.', '{Npc} followed close on your heels.', '{Npc} came along, keeping close.', '{Npc} caught up with you there.'];
const LISTENS = ['{npc} listened carefully, then nodded.', '{npc} took a moment before answering.', '{npc} frowned at your words.', '{npc} met your eyes.'];
const ROLE_TAILS = ['this was where your story began.', 'today would not be an ordinary day.', 'you knew every corner of {place}.', 'you had a feeling that something was about to change.'];
const ROLE_DUTIES = ['had come to {place} with a task to do.', 'knew {place} better than anyone.', 'had waited a long time for this day.'];
const FINDS = ['Near your feet lay', 'In the dust you noticed', 'Tucked into a corner was', 'Close by, you spotted'];
const APPEARANCES = ['appeared at the far end of', 'came hurrying across', 'was waiting for you near', 'stepped out of the shadows of', 'called to you from across'];
const CLOSINGS = ['{Place} grew quiet again, as if waiting for your next move.', 'Whatever happened next, {place} would remember it.', 'The next move was yours.'];

function text(value: string, paragraph = false): Segment {
  return { kind: 'text', text: sentence(value), paragraph };
}

function model(rng: Rng, cast: CastMember[], fallback: string, prompt: string, lead: string): Segment {
  return { kind: 'model', cast: cast.map((c) => c.name), fallback: sentence(fallback), seed: rng.fork(), skipIfWordsAbove: MAX_WORDS - 25, prompt, lead };
}

function introduce(npc: CastMember, gesture: string): string {
  if (!npc.epithet) return gesture;
  return gesture.replace(npc.name, `${npc.name}, ${npc.epithet},`);
}

function spoken(rng: Rng, name: string, line: string): string {
  return rng.chance(0.5) ? `${name} said, "${line}"` : `"${line.replace(/\.$/, ',')}" said ${name}.`;
}

/** The setting's first sentence, when it reads as a sentence: the author's own words set the scene. */
function settingSentence(setting: string): string | null {
  const first = splitSentences(setting)[0];
  if (!first) return null;
  const words = whitespaceWordCount(first);
  if (words < 4 || words > 40 || !/^\p{Lu}/u.test(first) || !/[.!?]["”’]?$/.test(first)) return null;
  // "A storm-battered island where ships vanish." is a description, not a sentence: frame it.
  if (/^(?:A|An|The)\s/.test(first) && !VERB.test(first)) return `This was ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  return first;
}

const VERB = /\b(?:is|are|was|were|has|have|had|lies|lay|stands|stood|sits|sat|lives|lived|rises|rose|holds|held|hides|hid|waits|waited|(?<![\w-])\w+ed)\b/;
