import type { CompleteStoryRequirements, CreateBrief } from '@storyos/domain';
import { checkAgeBand, withRequirementDefaults } from '@storyos/domain';
import { CREATE_REGISTERS, CREATE_TONES } from '../../lexicon/lexicons';
import { Rng } from '../../random';
import type { Segment, StoryPlan } from '../story-plan';
import { capitalFirst, describedAs, goalOf, introduce, registerFor, wherePhrase } from './scene-words';

type SceneBrief = Extract<CreateBrief, { task: 'create.scene' }>;
type Arc = 'whole' | 'beginning' | 'middle' | 'end';

/** A planner sentence, or a slot the TinyStories model may fill (the sentence is its fallback). */
type Item = { text: string } | { text: string; model: { lead: string; prompt: string; cast: string[]; subject: string } };

/** What the model's sentence about the hero opens with: a plain past-tense verb keeps it about them. */
const LEAD_VERBS = ['saw', 'felt'];
/** Model tries per slot: picture-book sentences are short, a few tries find a clean one. */
const MODEL_TRIES = 4;

/**
 * One scene of an illustrated story: the words are picked for the age
 * band's register and the story's tone, the arc follows the scene's place
 * (the beginning sets off, middles try and are helped, the end succeeds
 * gently), the characters are called by name. Every candidate is checked
 * against the band; if the user's own words (plot, setting) make a sentence
 * fail, the scene is told without them. With the TinyStories model loaded, the
 * first scene's sentence about how a named hero feels or what they see may come from the model — kept only if
 * it passes the band's check too.
 */
export function planCreateScene(brief: SceneBrief, seed: number): StoryPlan {
  const requirements = withRequirementDefaults(brief.requirements);
  const tellings: Telling[] = [
    { useGoal: true, useSetting: true },
    { useGoal: false, useSetting: true },
    { useGoal: false, useSetting: false },
  ];
  let paragraphs: Item[][] = [];
  for (const telling of tellings) {
    paragraphs = writeScene(requirements, brief, seed, telling);
    if (checkAgeBand(textOf(paragraphs), requirements.ageBand).ok) break;
  }
  const rng = new Rng(seed ^ 0x5bd1e995);
  const segments: Segment[] = paragraphs.flatMap((items, p) =>
    items.map((item, i): Segment =>
      'model' in item
        ? { kind: 'model', fallback: item.text, cast: item.model.cast, seed: rng.fork(), paragraph: p > 0 && i === 0, prompt: item.model.prompt, lead: item.model.lead, subject: { name: item.model.subject, pronoun: null } }
        : { kind: 'text', text: item.text, paragraph: p > 0 && i === 0 },
    ),
  );
  const hero = requirements.characters[0]?.name ?? '';
  const band = requirements.ageBand;
  return {
    segments,
    playerName: hero,
    pov: 'third',
    narratorNames: [hero],
    mood: moodWords(requirements),
    strictPassages: true,
    tries: MODEL_TRIES,
    // The model's sentence must be as fit for the band as the planner's, and no longer than the band's sentences.
    accept: (passage) => checkAgeBand(passage, band).ok,
  };
}

interface Telling {
  /** Say what the hero wants in the plot's own words. */
  useGoal: boolean;
  /** Say where, in the setting's own words. */
  useSetting: boolean;
}

function writeScene(r: CompleteStoryRequirements, brief: SceneBrief, seed: number, telling: Telling): Item[][] {
  const rng = new Rng((seed ^ Math.imul(brief.sceneIndex + 1, 0x9e3779b1) ^ Math.imul(brief.variant ?? 0, 0x85ebca6b)) >>> 0);
  const register = registerFor(r.ageBand);
  const words = CREATE_REGISTERS[register];
  const tone = CREATE_TONES[r.tone];
  const hero = r.characters[0] ?? { name: 'the little one', description: '' };
  const friend = r.characters[1] ?? null;
  const goal = telling.useGoal ? goalOf(r.plot, hero) : null;
  const where = telling.useSetting ? wherePhrase(r.setting) : 'not far from home';
  // The helper is introduced by who they are the first time they come in (the first middle scene, or a one-scene story).
  const friendFirstTime = friend !== null && friend.description !== '' && brief.sceneIndex === Math.min(1, brief.sceneCount - 1);
  const friendIntro = friend && friendFirstTime ? introduce(friend) : null;
  const fill = (template: string): string =>
    capitalFirst(
      (friendIntro ? template.replace(/\{(friend|Friend)\}(?=[.!?])/g, friendIntro).replace(/\{(friend|Friend)\}/g, `${friendIntro},`) : template)
        .replace(/\{intro\}/g, introduce(hero))
        .replace(/\{Hero\}/g, capitalFirst(hero.name))
        .replace(/\{hero\}/g, hero.name)
        .replace(/\{Friend\}/g, capitalFirst(friend?.name ?? ''))
        .replace(/\{friend\}/g, friend?.name ?? '')
        .replace(/\{where\}/g, where)
        .replace(/\{goal\}/g, goal?.goal ?? '')
        .replace(/\{done\}/g, goal?.done ?? ''),
    );
  const say = (bank: readonly string[]): Item => ({ text: fill(rng.pick(bank)) });
  // The model writes about a hero with a name, in the registers its TinyStories match (up to nine).
  const named = !/^the\s/i.test(hero.name) && register !== 'storyteller';
  const slot = (bank: readonly string[]): Item => {
    const fallback = say(bank);
    if (!named) return fallback;
    // What the model continues: short TinyStories-style sentences about the hero, the place and the wish.
    const role = describedAs(hero);
    const prompt = [role ? `${hero.name} was ${role}.` : '', `${hero.name} was ${where}.`, goal ? `${hero.name} wanted to ${goal.goal}.` : ''].filter(Boolean).join(' ');
    return { text: fallback.text, model: { lead: `${hero.name} ${rng.pick(LEAD_VERBS)}`, prompt, cast: [hero.name, ...(friend && !/^the\s/i.test(friend.name) ? [friend.name] : [])], subject: hero.name } };
  };
  const arc = arcOf(brief.sceneIndex, brief.sceneCount);
  const paragraphs: Item[][] = [];
  if (arc === 'beginning' || arc === 'whole') {
    paragraphs.push([say(words.openings), say(words.homes)]);
    paragraphs.push([goal ? say(words.wishes) : say(words.plainWishes), slot(tone.moods)]);
    if (arc === 'beginning') paragraphs.push([say(words.starts)]);
  }
  if (arc === 'middle' || arc === 'whole' || (arc === 'end' && brief.sceneCount === 2)) {
    const middle = [goal ? say(words.tries) : say(words.plainTries), say(words.troubles)];
    middle.push(friend ? say(words.helpers) : say(words.alones));
    const lastMiddle = brief.sceneIndex === brief.sceneCount - 2;
    if (arc === 'middle' && !lastMiddle) middle.push(say(words.agains), say(tone.moods));
    else middle.push(say(words.agains));
    paragraphs.push(middle);
  }
  if (arc === 'end' || arc === 'whole') {
    paragraphs.push([goal ? say(words.successes) : say(words.plainSuccesses), say(words.prides)]);
    paragraphs.push([say(tone.endings), say(words.closings)]);
  }
  return paragraphs.map(dedupe);
}

function arcOf(index: number, count: number): Arc {
  if (count <= 1) return 'whole';
  if (index === 0) return 'beginning';
  return index >= count - 1 ? 'end' : 'middle';
}

function textOf(paragraphs: readonly Item[][]): string {
  return paragraphs.map((items) => items.map((item) => item.text).join(' ')).join('\n\n');
}

/** The tone's own words make a model sentence feel on-tone (scoring only). */
function moodWords(r: CompleteStoryRequirements): string[] {
  const text = CREATE_TONES[r.tone].moods.join(' ').toLowerCase();
  return [...new Set(text.match(/\p{L}{4,}/gu) ?? [])];
}

/** The same sentence twice in a row reads like a stutter. */
function dedupe(items: readonly Item[]): Item[] {
  return items.filter((item, index) => items.findIndex((other) => other.text === item.text) === index);
}
