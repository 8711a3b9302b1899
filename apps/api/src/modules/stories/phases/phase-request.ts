import type { Outline, ProviderInfo, StoryPhase, StorySetup } from '@storyos/contracts';
import {
  buildChapterBrief,
  buildOutlineBrief,
  buildPremiseBrief,
  chapterHeading,
  chapterHeadings,
  chapterPromptParts,
  chapterTitleAt,
  extendPromptParts,
  isEmptyBible,
  joinContinuation,
  OUTLINE_REPLY_FORMAT,
  outlinePromptParts,
  outlineReplyProblems,
  OUTPUT_TOKENS,
  parseOutlineReply,
  premisePromptParts,
  PROMPT_VERSION,
  resultCacheKey,
  textAfterChapter,
  textBeforeChapter,
  withStoryBible,
  type PromptPlan,
  type StoryBibleText,
} from '@storyos/domain';

/** What a phase is written from: the setup and the current versions of the earlier phases. */
export interface PhaseContext {
  title: string;
  setup: StorySetup;
  premise: string | null;
  outline: Outline | null;
  storyText: string | null;
  /** The chapter a start (0), a continue or a `chapter` rewrite writes. */
  chapterIndex: number | null;
  /** What every prompt of the story is told (empty sections are left out). */
  bible: StoryBibleText | null;
}

/** How much of the chapter after a rewritten one its prompt shows, so the new chapter leads into it. */
const NEXT_CHAPTER_CHARS = 600;

/** The outline step's last word when its reply cannot be read twice: the user is told, and the outline they had stays. */
export const UNREADABLE_OUTLINE = 'The outline could not be read from the model’s reply, so your previous outline is kept. Try again, or write it by hand.';

/** Prompt parts for chat models and a brief the builtin engine plans from; providers read what they understand. The bible joins every phase. */
export function phasePlan(phase: StoryPhase, context: PhaseContext): PromptPlan {
  const plan = planWithoutBible(phase, context);
  return { ...plan, parts: withStoryBible(plan.parts, context.bible) };
}

function planWithoutBible(phase: StoryPhase, context: PhaseContext): PromptPlan {
  const { setup, title } = context;
  const premise = context.premise ?? '';
  const outline = context.outline ?? { chapters: [] };
  switch (phase) {
    case 'premise':
      return { parts: premisePromptParts(setup, title), brief: buildPremiseBrief(setup, title), outputTokens: OUTPUT_TOKENS.premise };
    case 'outline':
      return {
        parts: outlinePromptParts(setup, title, premise),
        brief: buildOutlineBrief(setup, title, premise),
        outputTokens: OUTPUT_TOKENS.outline,
        json: OUTLINE_REPLY_FORMAT,
        check: { problems: outlineReplyProblems, failure: UNREADABLE_OUTLINE },
      };
    case 'start':
    case 'continue': {
      const index = context.chapterIndex ?? 0;
      const soFar = phase === 'start' ? '' : (context.storyText ?? '');
      return { parts: chapterPromptParts(setup, title, premise, outline, index, soFar), brief: buildChapterBrief(setup, title, premise, outline, index, soFar), outputTokens: OUTPUT_TOKENS.chapter };
    }
    case 'chapter': {
      const index = context.chapterIndex ?? 0;
      const storyText = context.storyText ?? '';
      const before = textBeforeChapter(storyText, index);
      const after = textAfterChapter(storyText, index);
      const parts = chapterPromptParts(setup, title, premise, outline, index, before);
      if (after) {
        const next = after.length > NEXT_CHAPTER_CHARS ? `${after.slice(0, NEXT_CHAPTER_CHARS)}…` : after;
        parts.splice(parts.length - 1, 0, { role: 'user', text: `This chapter is being written again. The story goes on after it with:\n${next}\nWrite it so that it leads into that.`, optional: { tier: 1, order: 0 } });
      }
      return { parts, brief: buildChapterBrief(setup, title, premise, outline, index, before), outputTokens: OUTPUT_TOKENS.chapter };
    }
    case 'extend': {
      const storyText = context.storyText ?? '';
      const index = Math.max(0, chapterHeadings(storyText).length - 1);
      return { parts: extendPromptParts(setup, title, premise, outline, storyText), brief: buildChapterBrief(setup, title, premise, outline, index, storyText), outputTokens: OUTPUT_TOKENS.continuation };
    }
  }
}

/** Everything that shapes a phase's answer; equal keys get the cached answer. */
export function phaseCacheKey(phase: StoryPhase, context: PhaseContext, provider: Pick<ProviderInfo, 'provider' | 'model'>): string {
  return resultCacheKey({
    phase,
    setup: context.setup,
    title: context.title,
    premise: phase === 'premise' ? null : context.premise,
    outline: phase === 'start' || phase === 'continue' || phase === 'chapter' ? context.outline : null,
    // An empty bible asks the same as none.
    bible: isEmptyBible(context.bible) ? null : context.bible,
    storyText: phase === 'continue' || phase === 'extend' || phase === 'chapter' ? context.storyText : null,
    provider: provider.provider,
    model: provider.model,
    promptVersion: PROMPT_VERSION,
  });
}

/** The outline in a reply, or null when none can be read (the previous outline then stays). */
export function outlineFromReply(reply: string): Outline | null {
  try {
    return parseOutlineReply(reply);
  } catch {
    return null;
  }
}

/** A chapter always opens with its `## ` heading, so the next continue knows where the story is. */
export function chapterText(reply: string, outline: Outline, chapterIndex: number): string {
  const text = reply.trim();
  if (chapterHeadings(text.split('\n')[0] ?? '').length > 0) return text;
  return `${chapterHeading(chapterTitleAt(outline, chapterIndex))}\n\n${text}`;
}

/** "Continue this passage": the words join the story where the cap cut it off; a heading the model added anyway is dropped. */
export function extendedText(storySoFar: string | null, reply: string): string {
  return joinContinuation(storySoFar ?? '', reply.replace(/^\s*##[^\n]*\n+/, ''));
}

/** A continue's new version: the story so far, a blank line, the next chapter. */
export function appendChapter(storySoFar: string | null, chapter: string): string {
  const before = storySoFar?.trimEnd() ?? '';
  return before ? `${before}\n\n${chapter}` : chapter;
}
