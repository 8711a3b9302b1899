import { chapterHeading } from './story-chapters';

/** Where one `## ` chapter sits in the story text: from its heading line to the next chapter's heading (or the end). */
export interface ChapterSpan {
  index: number;
  title: string;
  start: number;
  end: number;
}

/** Every `## ` chapter of the story text, by character offsets; text before the first heading belongs to none. */
export function chapterSpans(storyText: string): ChapterSpan[] {
  const spans: ChapterSpan[] = [];
  for (const match of storyText.matchAll(/^##[ \t]+(.+?)[ \t#]*$/gm)) {
    const previous = spans.at(-1);
    if (previous) previous.end = match.index;
    spans.push({ index: spans.length, title: match[1]!.trim(), start: match.index, end: storyText.length });
  }
  return spans;
}

/** The story text up to the chapter at `index` (what a rewritten chapter follows on from). */
export function textBeforeChapter(storyText: string, index: number): string {
  const span = chapterSpans(storyText)[index];
  return span ? storyText.slice(0, span.start).trimEnd() : storyText;
}

/** The story text after the chapter at `index` (what a rewritten chapter must lead into). */
export function textAfterChapter(storyText: string, index: number): string {
  const span = chapterSpans(storyText)[index];
  return span ? storyText.slice(span.end).trim() : '';
}

/**
 * The story text with the chapter at `index` replaced by `chapter` (which
 * opens with its heading; the old title is put back when it does not), the
 * chapters around it untouched. Null when there is no such chapter.
 */
export function replaceChapter(storyText: string, index: number, chapter: string): string | null {
  const span = chapterSpans(storyText)[index];
  if (!span) return null;
  const body = chapter.trim();
  const withHeading = /^##[ \t]+\S/.test(body) ? body : `${chapterHeading(span.title)}\n\n${body}`;
  const before = storyText.slice(0, span.start).trimEnd();
  const after = storyText.slice(span.end).trim();
  return [before, withHeading, after].filter(Boolean).join('\n\n');
}
