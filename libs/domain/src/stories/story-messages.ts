import { OutlineSchema, type Outline, type StorySetup } from '@storyos/contracts';
import { jsonReplyFormat } from '../generation/json-reply';
import type { JsonReplyFormat, PromptPart } from '../generation/prompt-plan';
import { parseOutlineReply } from './parse-outline';
import { chapterHeadings, chapterTitleAt, EPILOGUE_TITLE, isFinalChapter } from './story-chapters';
import { describeStorySetup, ENDING_GUIDANCE, writerSystemMessage } from './story-guidance';

/** How much of the story so far a chapter prompt carries: the tail, where the next chapter picks up. */
export const STORY_SO_FAR_CHARS = 6000;
export const MIN_OUTLINE_CHAPTERS = 3;
export const MAX_GENERATED_CHAPTERS = 8;

/**
 * What a chapter prompt gives up first when it must shrink: the older part
 * of the story so far, then the outline's chapters furthest from this one,
 * then the last paragraph. The setup, premise, this chapter's line and the
 * task are always sent.
 */
export const STORY_DROP_TIERS = { olderStory: 0, outline: 1, lastParagraph: 2 } as const;

/** The parts of the premise request: 2–4 sentences from the setup. */
export function premisePromptParts(setup: StorySetup, title: string): PromptPart[] {
  return [
    { role: 'system', text: writerSystemMessage(setup) },
    {
      role: 'user',
      text: `${describeStorySetup(setup, title)}\n\nWrite the premise of this story in 2–4 sentences: the protagonist, the setting, the central conflict and what is at stake, in the tone asked for. Reply with the premise only, no heading.`,
    },
  ];
}

/** The JSON Schema the outline step asks providers to enforce. */
export const OUTLINE_REPLY_FORMAT: JsonReplyFormat = jsonReplyFormat('story_outline', OutlineSchema);

/** The problems in an outline reply, for its one second chance; empty when an outline can be read from it. */
export function outlineReplyProblems(reply: string): string[] {
  try {
    parseOutlineReply(reply);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** The parts of the outline request, answered as JSON `{"chapters":[{"title","summary"}]}`. */
export function outlinePromptParts(setup: StorySetup, title: string, premise: string, chapterCount?: number): PromptPart[] {
  const count = chapterCount === undefined ? `${MIN_OUTLINE_CHAPTERS}–${MAX_GENERATED_CHAPTERS}` : String(clampChapters(chapterCount));
  return [
    { role: 'system', text: writerSystemMessage(setup) },
    {
      role: 'user',
      text: [
        describeStorySetup(setup, title),
        `Premise: ${premise.trim()}`,
        '',
        `Outline the story in ${count} chapters with a clear arc: setup, complication, midpoint, crisis and a resolution with the ${setup.endingPreference.toLowerCase()} ending asked for.`,
        'Each chapter has a short title and a one- or two-sentence summary of what happens in it, naming the characters.',
        'Reply with JSON only, exactly in this shape: {"chapters":[{"title":"…","summary":"…"}]}',
      ].join('\n'),
    },
  ];
}

/** The parts of one chapter's request: the start is chapter 0, each continue the next; past the outline, an epilogue. */
export function chapterPromptParts(setup: StorySetup, title: string, premise: string, outline: Outline, chapterIndex: number, storySoFar: string): PromptPart[] {
  const total = outline.chapters.length;
  const chapterTitle = chapterTitleAt(outline, chapterIndex);
  const soFar = storySoFarTail(storySoFar);
  const current = outline.chapters[chapterIndex];
  const task = current
    ? `Write chapter ${chapterIndex + 1} of ${total}, "${chapterTitle}": ${current.summary}`
    : `Every chapter of the outline is written. Write a short ${EPILOGUE_TITLE.toLowerCase()} that shows what became of the characters afterwards.`;
  const ending = isFinalChapter(outline, chapterIndex)
    ? `This is the final chapter: give the story its ending — ${ENDING_GUIDANCE[setup.endingPreference]}`
    : 'This is not the final chapter: do not resolve the story yet; end on a moment that pulls the reader on.';
  const start = soFar
    ? 'Continue seamlessly from the story so far; do not repeat or summarise it.'
    : 'This is the opening of the story: introduce the protagonist and the setting.';
  return [
    { role: 'system', text: writerSystemMessage(setup) },
    { role: 'user', text: describeStorySetup(setup, title) },
    { role: 'user', text: `Premise: ${premise.trim()}` },
    ...outlineParts(outline, chapterIndex),
    ...storySoFarParts(soFar, 'Story so far (the most recent part):', 'Story so far: nothing yet.'),
    {
      role: 'user',
      text: [
        task,
        ending,
        start,
        `Begin with the heading line "## ${chapterTitle}", then write about 300–600 words of prose in the ${setup.narrativePov.toLowerCase()} point of view. Reply with the chapter only.`,
      ].join('\n\n'),
    },
  ];
}

/** The most of a cut-off passage a "continue this passage" prompt must carry: its last words. */
const CUT_PASSAGE_CHARS = 1500;

/** The parts of "continue this passage": the story so far ends where the output cap cut it off. */
export function extendPromptParts(setup: StorySetup, title: string, premise: string, outline: Outline, storyText: string): PromptPart[] {
  const headings = chapterHeadings(storyText);
  const chapterIndex = Math.max(0, headings.length - 1);
  const soFar = storySoFarTail(storyText);
  const paragraphs = soFar.split(/\n{2,}/);
  const last = paragraphs.pop() ?? '';
  const lastWords = last.length > CUT_PASSAGE_CHARS ? `…${last.slice(-CUT_PASSAGE_CHARS)}` : last;
  return [
    { role: 'system', text: writerSystemMessage(setup) },
    { role: 'user', text: describeStorySetup(setup, title) },
    { role: 'user', text: `Premise: ${premise.trim()}`, optional: { tier: STORY_DROP_TIERS.outline, order: -100 } },
    ...outlineParts(outline, chapterIndex),
    { role: 'user', text: 'The story so far (the most recent part):' },
    ...paragraphs.map((paragraph, index) => ({ role: 'user' as const, text: paragraph, optional: { tier: STORY_DROP_TIERS.olderStory, order: index } })),
    { role: 'user', text: lastWords },
    {
      role: 'user',
      text: `The text above was cut off by the length limit. Continue it from exactly where it stops, in the same voice and ${setup.narrativePov.toLowerCase()} point of view: no repetition, no heading, no summary. Write about 150–400 more words and bring the passage to a natural pause. Reply with the continuation only.`,
    },
  ];
}

/** The outline, one line a chapter: this chapter's line always, the others as far as they fit, furthest first to go. */
function outlineParts(outline: Outline, chapterIndex: number): PromptPart[] {
  return [
    { role: 'user', text: 'Outline:' },
    ...outline.chapters.map((chapter, index) => ({
      role: 'user' as const,
      text: `${index + 1}. ${chapter.title} — ${chapter.summary}${index === chapterIndex ? '  ← this chapter' : ''}`,
      joinWith: '\n' as const,
      ...(index !== chapterIndex && { optional: { tier: STORY_DROP_TIERS.outline, order: -Math.abs(index - chapterIndex) } }),
    })),
  ];
}

/** The story so far a paragraph a part, older paragraphs first to go; the heading goes with the last one. */
function storySoFarParts(soFar: string, heading: string, empty: string): PromptPart[] {
  if (!soFar) return [{ role: 'user', text: empty }];
  const paragraphs = soFar.split(/\n{2,}/);
  const lastRank = { tier: STORY_DROP_TIERS.lastParagraph, order: 0 };
  return [
    { role: 'user', text: heading, optional: lastRank },
    ...paragraphs.map((paragraph, index) => ({
      role: 'user' as const,
      text: paragraph,
      optional: index === paragraphs.length - 1 ? lastRank : { tier: STORY_DROP_TIERS.olderStory, order: index },
    })),
  ];
}

/** The last STORY_SO_FAR_CHARS characters, cut at a paragraph or sentence so it starts cleanly. */
export function storySoFarTail(storySoFar: string, maxChars = STORY_SO_FAR_CHARS): string {
  const text = storySoFar.trim();
  if (text.length <= maxChars) return text;
  const tail = text.slice(-maxChars);
  const paragraph = tail.indexOf('\n\n');
  if (paragraph >= 0 && paragraph < maxChars / 3) return `…\n\n${tail.slice(paragraph + 2).trimStart()}`;
  const sentence = /[.!?]["”’]?\s+/.exec(tail);
  if (sentence && sentence.index < maxChars / 3) return `… ${tail.slice(sentence.index + sentence[0].length)}`;
  return `…${tail}`;
}

export function clampChapters(count: number): number {
  if (!Number.isFinite(count)) return MIN_OUTLINE_CHAPTERS;
  return Math.min(MAX_GENERATED_CHAPTERS, Math.max(MIN_OUTLINE_CHAPTERS, Math.round(count)));
}
