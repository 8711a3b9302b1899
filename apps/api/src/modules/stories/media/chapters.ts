import { numberedChapters } from '@storyos/domain';
import { createHash } from 'node:crypto';

export interface Chapter {
  title: string | null;
  body: string;
}

/** The story's chapters as pictures and narration number them (the export's numbering: one per `## ` heading). */
export function chaptersOf(storyText: string | null): Chapter[] {
  return numberedChapters({ text: storyText ?? '' }).flatMap(({ chapter, index }) => (index === null ? [] : [chapter]));
}

/** What a picture or narration is made from: the chapter's title and words. */
export function chapterWords(chapter: Chapter): string {
  return chapter.title ? `${chapter.title}.\n\n${chapter.body}` : chapter.body;
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');
