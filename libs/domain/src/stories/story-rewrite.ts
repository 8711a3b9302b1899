import type { RewriteMode, StorySetup } from '@storyos/contracts';
import type { PromptPart } from '../generation/prompt-plan';
import type { StoryBrief } from '../generation/text-provider';
import { storyBibleParts, type StoryBibleText } from './story-bible';
import { describeStorySetup, writerSystemMessage } from './story-guidance';

/** What each rewrite asks of the passage. */
export const REWRITE_TASKS: Record<RewriteMode, string> = {
  rewrite: 'Rewrite the passage in fresh words: the same events, people and meaning, a different way of telling them.',
  expand: 'Expand the passage to about twice its length: more detail, action and dialogue, the same events in the same order.',
  shorten: 'Shorten the passage to about half its length: keep what happens and what matters, cut the rest.',
  describe: 'Rewrite the passage with vivid description woven in: what can be seen, heard, smelled and felt there. Keep every event.',
};

/** How much of the text around the selection a rewrite prompt carries, so the new words fit in. */
export const REWRITE_CONTEXT_CHARS = { before: 1500, after: 600 } as const;

/** The reply may be twice the passage, and a passage is at most a few thousand characters. */
export const REWRITE_OUTPUT_TOKENS = 1024;

export interface RewriteRequest {
  setup: StorySetup;
  title: string;
  bible: StoryBibleText | null;
  mode: RewriteMode;
  /** The selected text. */
  passage: string;
  /** The text before and after the selection. */
  before: string;
  after: string;
}

/** The text just before the selection, cut at a word. */
export function textJustBefore(text: string, chars: number = REWRITE_CONTEXT_CHARS.before): string {
  if (text.length <= chars) return text.trim();
  const tail = text.slice(-chars);
  // A tail that starts mid-word starts at the next word.
  const clean = /\s/.test(text.charAt(text.length - chars - 1)) ? tail : tail.slice(tail.search(/\s/) + 1);
  return `…${clean}`.trim();
}

/** The text just after the selection, cut at a word. */
export function textJustAfter(text: string, chars: number = REWRITE_CONTEXT_CHARS.after): string {
  if (text.length <= chars) return text.trim();
  const head = text.slice(0, chars);
  const clean = /\s/.test(text.charAt(chars)) ? head : head.slice(0, Math.max(head.lastIndexOf(' '), 1));
  return `${clean.trimEnd()}…`;
}

/** The parts of a selection rewrite: the setup, the bible, the text around the passage (optional), the passage and the task. */
export function rewritePromptParts(request: RewriteRequest): PromptPart[] {
  const before = textJustBefore(request.before);
  const after = textJustAfter(request.after);
  return [
    { role: 'system', text: writerSystemMessage(request.setup) },
    { role: 'user', text: describeStorySetup(request.setup, request.title) },
    ...storyBibleParts(request.bible),
    ...(before ? [{ role: 'user' as const, text: `Text before the passage:\n${before}`, optional: { tier: 0, order: 0 } }] : []),
    ...(after ? [{ role: 'user' as const, text: `Text after the passage:\n${after}`, optional: { tier: 0, order: 1 } }] : []),
    { role: 'user', text: `The passage:\n${request.passage.trim()}` },
    {
      role: 'user',
      text: `${REWRITE_TASKS[request.mode]} It must read on from the text before it and into the text after it. Keep the point of view, tense and names. Reply with the new passage only: no heading, no quotation marks, no comments.`,
    },
  ];
}

/** What the builtin writer needs for a rewrite. */
export function buildRewriteBrief(request: RewriteRequest): Extract<StoryBrief, { task: 'story.rewrite' }> {
  return { task: 'story.rewrite', setup: request.setup, title: request.title.trim(), mode: request.mode, passage: request.passage, before: textJustBefore(request.before) };
}
