import type { GameProseBrief as StoryBrief } from '../../generation/text-provider';
import { hashString, Rng } from '../random';
import { normaliseAction } from '../text/action';
import { findDestination } from '../text/places';
import { splitSentences, wordCount } from '../text/sentences';
import { castOf, type CastMember } from './cast';
import { fill, Picker, placeName, roleName, sentence } from './phrasing';
import type { Segment, StoryPlan } from './story-plan';
import { TONE_LEXICON } from './tone-lexicon';

/** Fillers are written below this, leaving room for the closing line to stay above 80 words. */
const MIN_WORDS = 90;
const MAX_WORDS = 170;

type OpeningBrief = Extract<StoryBrief, { task: 'game.opening' }>;
type TurnBrief = Extract<StoryBrief, { task: 'game.turn' }>;

export function planGameReply(brief: StoryBrief, seed: number): StoryPlan {
  return brief.task === 'game.opening' ? planOpening(brief, seed) : planTurn(brief, seed);
}

function planOpening(brief: OpeningBrief, seed: number): StoryPlan {
  const rng = new Rng(seed);
  const p = new Picker(rng);
  const lex = TONE_LEXICON[brief.tone];
  const cast = castOf(brief);
  const npc = rng.pick(cast);
  const vars = { place: placeName(brief.location), player: brief.playerName.trim(), npc: npc.name, thing: p.pick(lex.things) };
  const role = roleName(brief.playerRole);

  const segments: Segment[] = [
    text(`${p.pick(lex.times)}, ${fill(p.pick(lex.airs), vars)}.`),
    text(
      fill(
        p.pick([
          `You were {player}, ${role}, and ${p.pick(ROLE_TAILS)}`,
          `Your name was {player}. You were ${role}, and ${p.pick(ROLE_TAILS)}`,
          `As ${role}, you, {player}, ${p.pick(ROLE_DUTIES)}`,
        ]),
        vars,
      ),
    ),
  ];
  const settingLine = settingSentence(brief.setting);
  if (settingLine) segments.push(text(settingLine));
  segments.push(model(rng, cast, p.pick(lex.sounds)));
  segments.push(text(introduce(npc, fill(p.pick(lex.gestures), vars)), true));
  segments.push(model(rng, cast, spoken(rng, npc.name, p.pick(lex.lines))));
  segments.push(text(fill(`${p.pick(FINDS)} {thing}.`, vars)));
  segments.push({ kind: 'text', text: p.pick(lex.feelings), onlyIfWordsBelow: MIN_WORDS });
  segments.push({ kind: 'text', text: p.pick(lex.sounds), onlyIfWordsBelow: MIN_WORDS });
  segments.push(text(p.pick(lex.hooks)));
  return { segments, playerName: vars.player, mood: lex.mood };
}

function planTurn(brief: TurnBrief, seed: number): StoryPlan {
  // The turn and action stir the seed, so a session that reuses one seed still gets fresh wording each turn.
  const rng = new Rng((seed ^ hashString(`${brief.turn}\n${brief.action}`)) >>> 0);
  const p = new Picker(rng);
  const lex = TONE_LEXICON[brief.tone];
  const cast = castOf(brief);
  const npc = addressed(brief.action, brief.playerName, cast) ?? rng.pick(cast);
  if (!cast.includes(npc)) cast.unshift(npc);
  const destination = findDestination(brief.action);
  const vars = { place: placeName(destination ?? brief.location), player: brief.playerName.trim(), npc: npc.name, thing: p.pick(lex.things) };
  const action = normaliseAction(brief.action, vars.player);

  const segments: Segment[] = [];
  if (action.kind === 'speech') {
    segments.push(text(p.pick([`You said, "${action.phrase}"`, `"${action.phrase}" you said.`, `You spoke up: "${action.phrase}"`])));
  } else if (action.kind === 'done') {
    segments.push(text(sentence(`you ${action.phrase}`)));
  } else {
    segments.push(
      text(
        p.pick([
          `${p.pick(lex.resolve)} you decided to ${action.phrase}.`,
          `You decided to ${action.phrase}.`,
          `You chose to ${action.phrase}.`,
          `You took a breath and set out to ${action.phrase}.`,
        ]),
      ),
    );
  }
  const airTemplate = p.pick(lex.airs);
  segments.push(
    text(
      destination
        ? `${p.pick(['Soon you reached', 'Before long you arrived at', 'At last you came to'])} ${vars.place}, where ${fill(airTemplate, { ...vars, place: 'it' })}.`
        : `${p.pick(['All around you', 'For a moment', 'Meanwhile', 'Just then'])}, ${fill(airTemplate, vars)}.`,
    ),
  );
  segments.push(model(rng, cast, p.pick(lex.sounds)));
  segments.push(
    text(`${p.pick(['Just then,', 'A moment later,', 'Without warning,', 'To your surprise,', 'Before long,'])} ${npc.name} ${p.pick(APPEARANCES)} ${vars.place}.`, true),
  );
  const gesture = action.kind === 'speech' ? `${npc.name} listened carefully, then nodded.` : fill(p.pick(lex.gestures.filter((g) => !g.includes('{place}'))), vars);
  segments.push(text(gesture));
  segments.push(model(rng, cast, spoken(rng, npc.name, p.pick(lex.lines))));
  segments.push(text(rng.chance(0.5) ? fill(`${p.pick(FINDS)} {thing}.`, vars) : p.pick(lex.feelings)));
  segments.push({ kind: 'text', text: p.pick(lex.feelings), onlyIfWordsBelow: MIN_WORDS });
  segments.push({ kind: 'text', text: p.pick(lex.sounds), onlyIfWordsBelow: MIN_WORDS });
  segments.push(text(rng.chance(0.6) ? p.pick(lex.hooks) : fill(p.pick(CLOSINGS), vars)));
  return { segments, playerName: vars.player, mood: lex.mood };
}

const ROLE_TAILS = ['this was where your story began.', 'today would not be an ordinary day.', 'you knew every corner of {place}.', 'you had a feeling that something was about to change.'];
const ROLE_DUTIES = ['had come to {place} with a task to do.', 'knew {place} better than anyone.', 'had waited a long time for this day.'];
const FINDS = ['Near your feet lay', 'In the dust you noticed', 'Tucked into a corner was', 'Close by, you spotted'];
const APPEARANCES = ['appeared at the far end of', 'came hurrying out of', 'was waiting for you near', 'stepped into the light of', 'called to you from'];
const CLOSINGS = ['{Place} grew quiet again, as if waiting for your next move.', 'Whatever happened next, {place} would remember it.', 'And so the story of {place} went on.'];

function text(value: string, paragraph = false): Segment {
  return { kind: 'text', text: sentence(value), paragraph };
}

function model(rng: Rng, cast: CastMember[], fallback: string): Segment {
  return { kind: 'model', cast: cast.map((c) => c.name), fallback: sentence(fallback), seed: rng.fork(), skipIfWordsAbove: MAX_WORDS - 25 };
}

/** The character the action names ("ask Wren …"): they should be the one who answers. */
function addressed(action: string, playerName: string, cast: CastMember[]): CastMember | null {
  const words = action.split(/\s+/).slice(1).map((w) => w.replace(/[^\p{L}'’-]/gu, '').replace(/['’]s$/, ''));
  const known = cast.find((member) => words.some((w) => member.name.split(/\s+/).includes(w)));
  if (known) return known;
  const name = words.find((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && w !== playerName && w !== 'I');
  return name ? { name, epithet: '' } : null;
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
  const words = wordCount(first);
  if (words < 4 || words > 40 || !/^\p{Lu}/u.test(first) || !/[.!?]["”’]?$/.test(first)) return null;
  // "A storm-battered island where ships vanish." is a description, not a sentence: frame it.
  if (/^(?:A|An|The)\s/.test(first) && !VERB.test(first)) return `This was ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  return first;
}

const VERB = /\b(?:is|are|was|were|has|have|had|lies|lay|stands|stood|sits|sat|lives|lived|rises|rose|holds|held|hides|hid|waits|waited|(?<![\w-])\w+ed)\b/;
