import { StorySetupSchema, type Outline, type StorySetup } from '@storyos/contracts';
import { chapterHeadings, nextChapterIndex } from './story-chapters';

/** What the Writer holds now (current versions). */
export interface StoryProgress {
  setup: StorySetup | null;
  premise: string | null;
  outline: Outline | null;
  storyText: string | null;
}

export type StoryAction = 'premise' | 'outline' | 'start' | 'continue' | 'extend' | 'chapter' | 'export';

/** Why an action is not possible: `invalid-setup` is the caller's bad input (400); the others are the story's state (409). */
export type StoryBlocker = 'invalid-setup' | 'missing-premise' | 'missing-outline' | 'not-started' | 'story-complete' | 'empty-story';

export type PhaseCheck = { ready: true } | { ready: false; blocker: StoryBlocker; message: string };

export interface StoryReadiness {
  premise: PhaseCheck;
  outline: PhaseCheck;
  start: PhaseCheck;
  continue: PhaseCheck;
  /** "Continue this passage": writes on from where the story text ends. */
  extend: PhaseCheck;
  /** "Write this chapter again": the story text has a chapter to rewrite. */
  chapter: PhaseCheck;
  export: PhaseCheck;
  /** The furthest phase with content, as StorySummary shows it. */
  furthest: 'setup' | 'premise' | 'outline' | 'writing';
  /** The chapter a continue would write, or null. */
  nextChapterIndex: number | null;
}

const blocked = (blocker: StoryBlocker, message: string): PhaseCheck => ({ ready: false, blocker, message });
const ready: PhaseCheck = { ready: true };

/**
 * Which Writer phases can run now: premise needs a valid setup, outline a
 * premise, start an outline, continue a started story with chapters left,
 * export some story text. Each refusal carries a message for the user.
 */
export function storyPhaseReadiness(progress: StoryProgress): StoryReadiness {
  const setupOk = progress.setup !== null && StorySetupSchema.safeParse(progress.setup).success;
  const hasPremise = Boolean(progress.premise?.trim());
  const hasOutline = (progress.outline?.chapters.length ?? 0) > 0;
  const storyText = progress.storyText?.trim() ?? '';
  const next = progress.outline && storyText ? nextChapterIndex(progress.outline, storyText) : null;

  const premise = setupOk ? ready : blocked('invalid-setup', 'Complete the story setup first: persona, setting, characters, style, tone, point of view, audience, rating and ending.');
  const outline = !setupOk ? premise : hasPremise ? ready : blocked('missing-premise', 'Write or generate a premise before the outline.');
  const start = !setupOk ? premise : !hasPremise ? outline : hasOutline ? ready : blocked('missing-outline', 'Create an outline before starting the story.');
  let cont: PhaseCheck;
  if (!start.ready) cont = start;
  else if (!storyText) cont = blocked('not-started', 'Start the story before continuing it.');
  else if (next === null) cont = blocked('story-complete', 'Every chapter of the outline (and the epilogue) is written: add a chapter to the outline to continue.');
  else cont = ready;
  const extend = !start.ready ? start : storyText ? ready : blocked('not-started', 'Start the story before continuing a passage.');
  const chapter = !start.ready ? start : chapterHeadings(storyText).length > 0 ? ready : blocked('not-started', 'Write a chapter before writing one again.');
  const exportCheck = storyText ? ready : blocked('empty-story', 'There is no story text to export yet.');

  const furthest = storyText ? 'writing' : hasOutline ? 'outline' : hasPremise ? 'premise' : 'setup';
  return { premise, outline, start, continue: cont, extend, chapter, export: exportCheck, furthest, nextChapterIndex: next };
}
