import type { OutlineChapter } from '@storyos/contracts';
import type { StoryWriterBrief } from '@storyos/domain';
import type { StoryPlan } from '../story-plan';
import { planStoryChapter } from './chapter-planner';
import { planStoryOutline } from './outline-planner';
import { planStoryPremise } from './premise-planner';

/** The Writer's prose phases as plans for the engine (the outline is JSON, see planStoryOutline). */
export function planStoryProse(brief: Exclude<StoryWriterBrief, { task: 'story.outline' }>, seed: number): StoryPlan {
  return brief.task === 'story.premise' ? planStoryPremise(brief, seed) : planStoryChapter(brief, seed);
}

/** The outline as the JSON text a chat model is asked for. */
export function writeStoryOutline(brief: Extract<StoryWriterBrief, { task: 'story.outline' }>, seed: number): string {
  const chapters: OutlineChapter[] = planStoryOutline(brief, seed);
  return `${JSON.stringify({ chapters }, null, 2)}\n`;
}
