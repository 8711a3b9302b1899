import { checkAgeBand, withRequirementDefaults, type CreateBrief, type CompleteStoryRequirements } from '@storyos/domain';
import { CREATE_REGISTERS, CREATE_TONES } from '../../lexicon/lexicons';
import { Rng } from '../../random';
import type { StoryPlan } from '../story-plan';
import { capitalFirst, goalOf, introduce, registerFor, wherePhrase } from './scene-words';

type SceneBrief = Extract<CreateBrief, { task: 'create.scene' }>;
type Arc = 'whole' | 'beginning' | 'middle' | 'end';

/**
 * One scene of an illustrated story, from the planner's sentences only: the
 * words are picked for the age band's register and the story's tone, the
 * arc follows the scene's place (beginning sets off, middles try and are
 * helped, the end succeeds gently), the characters are called by name.
 * Every candidate is checked against the band; if the user's own words
 * (plot, setting) make a sentence fail, the scene is told without them.
 */
export function planCreateScene(brief: SceneBrief, seed: number): StoryPlan {
  const requirements = withRequirementDefaults(brief.requirements);
  const attempts: Telling[] = [
    { useGoal: true, useSetting: true },
    { useGoal: false, useSetting: true },
    { useGoal: false, useSetting: false },
  ];
  let text = '';
  for (const telling of attempts) {
    text = writeScene(requirements, brief, seed, telling);
    if (checkAgeBand(text, requirements.ageBand).ok) break;
  }
  const paragraphs = text.split('\n\n');
  return {
    segments: paragraphs.map((paragraph, index) => ({ kind: 'text' as const, text: paragraph, paragraph: index > 0 })),
    playerName: '',
    pov: 'third',
    mood: [],
  };
}

interface Telling {
  /** Say what the hero wants in the plot's own words. */
  useGoal: boolean;
  /** Say where, in the setting's own words. */
  useSetting: boolean;
}

function writeScene(r: CompleteStoryRequirements, brief: SceneBrief, seed: number, telling: Telling): string {
  const rng = new Rng((seed ^ Math.imul(brief.sceneIndex + 1, 0x9e3779b1) ^ Math.imul(brief.variant ?? 0, 0x85ebca6b)) >>> 0);
  const words = CREATE_REGISTERS[registerFor(r.ageBand)];
  const tone = CREATE_TONES[r.tone];
  const hero = r.characters[0] ?? { name: 'the little one', description: '' };
  const friend = r.characters[1] ?? null;
  const goal = telling.useGoal ? goalOf(r.plot, hero) : null;
  const fill = (template: string): string =>
    capitalFirst(
      template
        .replace(/\{intro\}/g, introduce(hero))
        .replace(/\{Hero\}/g, capitalFirst(hero.name))
        .replace(/\{hero\}/g, hero.name)
        .replace(/\{Friend\}/g, capitalFirst(friend?.name ?? ''))
        .replace(/\{friend\}/g, friend?.name ?? '')
        .replace(/\{where\}/g, telling.useSetting ? wherePhrase(r.setting) : 'not far from home')
        .replace(/\{goal\}/g, goal?.goal ?? '')
        .replace(/\{done\}/g, goal?.done ?? ''),
    );
  const say = (bank: readonly string[]): string => fill(rng.pick(bank));
  const arc = arcOf(brief.sceneIndex, brief.sceneCount);
  const sentences: string[][] = [];
  if (arc === 'beginning' || arc === 'whole') {
    sentences.push([say(words.openings), say(words.homes)]);
    sentences.push([goal ? say(words.wishes) : say(words.plainWishes), say(tone.moods)]);
    if (arc === 'beginning') sentences.push([say(words.starts)]);
  }
  if (arc === 'middle' || arc === 'whole' || (arc === 'end' && brief.sceneCount === 2)) {
    const middle = [goal ? say(words.tries) : say(words.plainTries), say(words.troubles)];
    middle.push(friend ? say(words.helpers) : say(words.alones));
    const lastMiddle = brief.sceneIndex === brief.sceneCount - 2;
    if (arc === 'middle' && !lastMiddle) middle.push(say(words.agains), say(tone.moods));
    else middle.push(say(words.agains));
    sentences.push(middle);
  }
  if (arc === 'end' || arc === 'whole') {
    sentences.push([goal ? say(words.successes) : say(words.plainSuccesses), say(words.prides)]);
    sentences.push([say(tone.endings), say(words.closings)]);
  }
  return sentences.map((paragraph) => dedupe(paragraph).join(' ')).join('\n\n');
}

function arcOf(index: number, count: number): Arc {
  if (count <= 1) return 'whole';
  if (index === 0) return 'beginning';
  return index >= count - 1 ? 'end' : 'middle';
}

/** The same sentence twice in a row reads like a stutter. */
function dedupe(sentences: readonly string[]): string[] {
  return sentences.filter((sentence, index) => sentences.indexOf(sentence) === index);
}
