import type { Outline, StoryPhase, StorySetup } from '@storyos/contracts';
import {
  buildChapterBrief,
  buildChapterMessages,
  buildOutlineBrief,
  buildOutlineMessages,
  buildPremiseBrief,
  buildPremiseMessages,
  chapterHeading,
  chapterHeadings,
  chapterTitleAt,
  parseOutlineReply,
  PROMPT_VERSION,
  resultCacheKey,
  type GenerationRequest,
} from '@storyos/domain';

/** What a phase is written from: the setup and the current versions of the earlier phases. */
export interface PhaseContext {
  title: string;
  setup: StorySetup;
  premise: string | null;
  outline: Outline | null;
  storyText: string | null;
  /** The chapter a start (0) or continue writes. */
  chapterIndex: number | null;
}

/** Chat messages for chat models and a brief the builtin engine plans from; providers read what they understand. */
export function phaseRequest(phase: StoryPhase, context: PhaseContext): GenerationRequest {
  const { setup, title } = context;
  const premise = context.premise ?? '';
  switch (phase) {
    case 'premise':
      return { messages: buildPremiseMessages(setup, title), brief: buildPremiseBrief(setup, title) };
    case 'outline':
      return { messages: buildOutlineMessages(setup, title, premise), brief: buildOutlineBrief(setup, title, premise) };
    case 'start':
    case 'continue': {
      const outline = context.outline ?? { chapters: [] };
      const index = context.chapterIndex ?? 0;
      const soFar = phase === 'start' ? '' : (context.storyText ?? '');
      return { messages: buildChapterMessages(setup, title, premise, outline, index, soFar), brief: buildChapterBrief(setup, title, premise, outline, index, soFar) };
    }
  }
}

/** Everything that shapes a phase's answer; equal keys get the cached answer. */
export function phaseCacheKey(phase: StoryPhase, context: PhaseContext, provider: { name: string; model: string }): string {
  return resultCacheKey({
    phase,
    setup: context.setup,
    title: context.title,
    premise: phase === 'premise' ? null : context.premise,
    outline: phase === 'start' || phase === 'continue' ? context.outline : null,
    storyText: phase === 'continue' ? context.storyText : null,
    provider: provider.name,
    model: provider.model,
    promptVersion: PROMPT_VERSION,
  });
}

/**
 * The outline in a reply. A reply no parser can read becomes a one-chapter
 * outline holding the reply, so the writer can fix it by hand instead of
 * losing it; `parsed` says which happened.
 */
export function outlineFromReply(reply: string): { outline: Outline; parsed: boolean } {
  try {
    return { outline: parseOutlineReply(reply), parsed: true };
  } catch {
    const text = reply.trim();
    const summary = text.length <= 2000 ? text : `${text.slice(0, 1999).trimEnd()}…`;
    return { outline: { chapters: [{ title: 'Chapter 1', summary: summary || 'Describe what happens in this chapter.' }] }, parsed: false };
  }
}

/** A chapter always opens with its `## ` heading, so the next continue knows where the story is. */
export function chapterText(reply: string, outline: Outline, chapterIndex: number): string {
  const text = reply.trim();
  if (chapterHeadings(text.split('\n')[0] ?? '').length > 0) return text;
  return `${chapterHeading(chapterTitleAt(outline, chapterIndex))}\n\n${text}`;
}

/** A continue's new version: the story so far, a blank line, the next chapter. */
export function appendChapter(storySoFar: string | null, chapter: string): string {
  const before = storySoFar?.trimEnd() ?? '';
  return before ? `${before}\n\n${chapter}` : chapter;
}
