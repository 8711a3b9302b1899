import type { Outline, StorySetup } from '@storyos/contracts';
import type { ChatMessage } from '../generation/text-provider';
import { chapterTitleAt, EPILOGUE_TITLE, isFinalChapter } from './story-chapters';
import { describeStorySetup, ENDING_GUIDANCE, writerSystemMessage } from './story-guidance';

/** How much of the story so far a chapter prompt carries: the tail, where the next chapter picks up. */
export const STORY_SO_FAR_CHARS = 6000;
export const MIN_OUTLINE_CHAPTERS = 3;
export const MAX_GENERATED_CHAPTERS = 8;

/** Messages for the premise: 2–4 sentences from the setup. */
export function buildPremiseMessages(setup: StorySetup, title: string): ChatMessage[] {
  return [
    { role: 'system', content: writerSystemMessage(setup) },
    {
      role: 'user',
      content: `${describeStorySetup(setup, title)}\n\nWrite the premise of this story in 2–4 sentences: the protagonist, the setting, the central conflict and what is at stake, in the tone asked for. Reply with the premise only, no heading.`,
    },
  ];
}

/** Messages for the outline, answered as JSON `{"chapters":[{"title","summary"}]}`. */
export function buildOutlineMessages(setup: StorySetup, title: string, premise: string, chapterCount?: number): ChatMessage[] {
  const count = chapterCount === undefined ? `${MIN_OUTLINE_CHAPTERS}–${MAX_GENERATED_CHAPTERS}` : String(clampChapters(chapterCount));
  return [
    { role: 'system', content: writerSystemMessage(setup) },
    {
      role: 'user',
      content: [
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

/** Messages for one chapter: the start is chapter 0, each continue the next; past the outline, an epilogue. */
export function buildChapterMessages(setup: StorySetup, title: string, premise: string, outline: Outline, chapterIndex: number, storySoFar: string): ChatMessage[] {
  const total = outline.chapters.length;
  const chapterTitle = chapterTitleAt(outline, chapterIndex);
  const plan = outline.chapters.map((c, i) => `${i + 1}. ${c.title} — ${c.summary}${i === chapterIndex ? '  ← this chapter' : ''}`).join('\n');
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
    { role: 'system', content: writerSystemMessage(setup) },
    {
      role: 'user',
      content: [
        describeStorySetup(setup, title),
        `Premise: ${premise.trim()}`,
        `Outline:\n${plan}`,
        soFar ? `Story so far (the most recent part):\n${soFar}` : 'Story so far: nothing yet.',
        '',
        task,
        ending,
        start,
        `Begin with the heading line "## ${chapterTitle}", then write about 300–600 words of prose in the ${setup.narrativePov.toLowerCase()} point of view. Reply with the chapter only.`,
      ].join('\n\n'),
    },
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
