import type { Outline, StorySetup } from '@storyos/contracts';
import type { StoryBrief } from '../generation/text-provider';
import { storySoFarTail } from './story-messages';

type Brief<T extends StoryBrief['task']> = Extract<StoryBrief, { task: T }>;

/** What the builtin planner needs for the premise. */
export function buildPremiseBrief(setup: StorySetup, title: string): Brief<'story.premise'> {
  return { task: 'story.premise', setup, title: title.trim() };
}

/** What the builtin planner needs for the outline. */
export function buildOutlineBrief(setup: StorySetup, title: string, premise: string, chapterCount?: number): Brief<'story.outline'> {
  return chapterCount === undefined ? { task: 'story.outline', setup, title: title.trim(), premise: premise.trim() } : { task: 'story.outline', setup, title: title.trim(), premise: premise.trim(), chapterCount };
}

/** What the builtin planner needs for one chapter; the story so far is bounded like the prompt's. */
export function buildChapterBrief(setup: StorySetup, title: string, premise: string, outline: Outline, chapterIndex: number, storySoFar: string): Brief<'story.chapter'> {
  return { task: 'story.chapter', setup, title: title.trim(), premise: premise.trim(), outline, chapterIndex, storySoFar: storySoFarTail(storySoFar) };
}
