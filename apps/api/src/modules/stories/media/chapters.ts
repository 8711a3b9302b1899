import { splitChapters, type StoryChapterText } from '@storyos/domain';
import { createHash } from 'node:crypto';

/** The story's chapters as media sees them: one per `## ` heading; a story with no headings is one chapter. */
export function chaptersOf(storyText: string | null): StoryChapterText[] {
  const parts = splitChapters(storyText ?? '');
  const titled = parts.filter((part) => part.title !== null);
  return titled.length ? titled : parts.filter((part) => part.body.trim());
}

/** What a picture or narration is made from: the chapter's title and words. */
export function chapterWords(chapter: StoryChapterText): string {
  return chapter.title ? `${chapter.title}.\n\n${chapter.body}` : chapter.body;
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');
