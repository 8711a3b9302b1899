import { EMPTY_STORY_REQUIREMENTS, type AgeBand, type CreateIllustratedStoryRequest, type StoryRequirements } from '@storyos/contracts';
import { extractRequirements, withRequirementDefaults } from '@storyos/domain';

/** A direct create (the seed's mobile client) names no audience: a general children's one. */
export const DIRECT_DEFAULT_AGE_BAND: AgeBand = '7-9';

/**
 * The requirements of a direct create: what the rules read from the prompt
 * (characters, setting…), overridden by the fields given, the prompt itself
 * as the plot, and the defaults for the rest.
 */
export function directRequirements(request: CreateIllustratedStoryRequest & { prompt: string }): StoryRequirements {
  const read = extractRequirements(EMPTY_STORY_REQUIREMENTS, request.prompt);
  return withRequirementDefaults({
    ...read,
    plot: request.prompt,
    title: request.title ?? read.title,
    style: request.style ?? read.style,
    tone: request.tone ?? read.tone,
    sceneCount: request.sceneCount ?? read.sceneCount,
    ageBand: request.ageBand ?? read.ageBand ?? DIRECT_DEFAULT_AGE_BAND,
    narratorVoice: request.narratorVoice ?? read.narratorVoice,
  });
}
