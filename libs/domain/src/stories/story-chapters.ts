import type { Outline } from '@storyos/contracts';

/** The title an extra chapter after the outline's last gets. */
export const EPILOGUE_TITLE = 'Epilogue';

/** The heading line that opens a chapter in the story text. */
export function chapterHeading(title: string): string {
  return `## ${title.trim()}`;
}

/** The `## ` headings in the story text, in order (deeper headings are not chapters). */
export function chapterHeadings(storyText: string): string[] {
  const headings: string[] = [];
  for (const match of storyText.matchAll(/^##[ \t]+(.+?)[ \t#]*$/gm)) headings.push(match[1]!.trim());
  return headings;
}

export interface StoryChapterText {
  /** null for text before the first heading. */
  title: string | null;
  body: string;
}

/** The story text cut at its `## ` headings. */
export function splitChapters(storyText: string): StoryChapterText[] {
  const chapters: StoryChapterText[] = [];
  let current: StoryChapterText = { title: null, body: '' };
  const lines: string[] = [];
  const flush = () => {
    current.body = lines.join('\n').trim();
    if (current.title !== null || current.body) chapters.push(current);
    lines.length = 0;
  };
  for (const line of storyText.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^##[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (heading) {
      flush();
      current = { title: heading[1]!.trim(), body: '' };
    } else lines.push(line);
  }
  flush();
  return chapters;
}

export interface NextChapterOptions {
  /** When every chapter is written, offer one extra chapter (an epilogue). Default true. */
  epilogue?: boolean;
}

/**
 * Which chapter a "continue" writes: one per `## ` heading already in the
 * story text. After the last outlined chapter comes an epilogue (index =
 * chapter count) once, then null: the story is finished.
 */
export function nextChapterIndex(outline: Outline, storyText: string, options: NextChapterOptions = {}): number | null {
  const headings = chapterHeadings(storyText);
  const total = outline.chapters.length;
  if (headings.length < total) return headings.length;
  const hasEpilogue = headings.length > total || headings.some((h) => h.toLowerCase() === EPILOGUE_TITLE.toLowerCase());
  if ((options.epilogue ?? true) && !hasEpilogue) return total;
  return null;
}

/** The title of the chapter at index: an outline chapter, or the epilogue past the end. */
export function chapterTitleAt(outline: Outline, chapterIndex: number): string {
  return outline.chapters[chapterIndex]?.title ?? EPILOGUE_TITLE;
}

/** True for the chapter that must carry the ending: the outline's last, or the epilogue. */
export function isFinalChapter(outline: Outline, chapterIndex: number): boolean {
  return chapterIndex >= outline.chapters.length - 1;
}
