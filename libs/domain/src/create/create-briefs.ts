import type { StoryRequirements } from '@storyos/contracts';
import type { StoryBrief } from '../generation/text-provider';
import type { CompleteStoryRequirements } from './requirement-rules';

type Brief<T extends StoryBrief['task']> = Extract<StoryBrief, { task: T }>;

/** How much of the earlier scenes a scene brief carries: the builtin planner reads only names and the last lines. */
const SCENES_SO_FAR_CHARS = 4000;

/** What the builtin agent needs to reply: the requirements before and after the user's message. */
export function buildAgentBrief(before: StoryRequirements, requirements: StoryRequirements, userMessage: string): Brief<'create.agent'> {
  return { task: 'create.agent', before, requirements, userMessage: userMessage.trim() };
}

/** What the builtin engine needs to read a message into the requirements (it streams extractRequirements' JSON). */
export function buildRequirementsBrief(current: StoryRequirements, userMessage: string): Brief<'create.requirements'> {
  return { task: 'create.requirements', current, userMessage: userMessage.trim() };
}

/** What the builtin planner needs for one scene; the earlier scenes are bounded, newest kept. */
export function buildSceneBrief(requirements: CompleteStoryRequirements, sceneIndex: number, scenesSoFar: readonly string[], variant = 0): Brief<'create.scene'> {
  const kept: string[] = [];
  let chars = 0;
  for (const text of [...scenesSoFar].reverse()) {
    if (chars + text.length > SCENES_SO_FAR_CHARS && kept.length > 0) break;
    kept.unshift(text);
    chars += text.length;
  }
  return { task: 'create.scene', requirements, sceneIndex, sceneCount: requirements.sceneCount, scenesSoFar: kept, ...(variant > 0 && { variant }) };
}
