import type { GenerationFlowEntity } from '../../generation/entities/generation-flow.entity';

/**
 * What "write the whole story" keeps in its flow: the versions it uses or
 * wrote. Premise and outline are the story's current ones when it starts
 * with them; the story text is one new version the chapters grow.
 */
export interface WholeStoryState {
  premiseArtifactId?: string;
  outlineArtifactId?: string;
  /** How many chapters the outline has: the flow's length. */
  chapterCount?: number;
  storyArtifactId?: string;
}

export const wholeStoryState = (flow: Pick<GenerationFlowEntity, 'state'>): WholeStoryState => flow.state as WholeStoryState;

/** Progress at the end of each part; chapters share what lies between the outline and the end. */
export const PREMISE_DONE = 10;
export const OUTLINE_DONE = 20;
export const CHAPTERS_DONE = 95;

/** A chapter the output cap cut off is written on this many times at most before the next one starts. */
export const EXTENSIONS_PER_CHAPTER = 2;

export const WHOLE_STORY_STEP_KINDS = ['story.whole.premise', 'story.whole.outline', 'story.whole.chapter', 'story.whole.extend'] as const;
export type WholeStoryStepKind = (typeof WHOLE_STORY_STEP_KINDS)[number];
