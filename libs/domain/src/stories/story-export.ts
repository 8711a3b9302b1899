import type { Outline, StorySetup } from '@storyos/contracts';
import { splitChapters } from './story-chapters';

export interface StoryExportInput {
  title: string;
  setup: StorySetup;
  premise?: string | null;
  outline?: Outline | null;
  /** The story text: chapters under `## Title` headings. */
  text: string;
  /** A picture per chapter (counted as the story's `## ` chapters from 0), placed under its heading; `src` is what the format links to. */
  pictures?: ReadonlyMap<number, ExportPicture>;
}

export interface ExportPicture {
  src: string;
  caption: string;
}

/** Words in prose, as a reader counts them: not Markdown heading marks, emphasis or lone dashes. */
export function wordCount(text: string): number {
  const words = text.replace(/^#{1,6}[ \t]+/gm, '').replace(/[*_>`]+/g, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words?.length ?? 0;
}

/** The line under the title: who wrote it and how. */
export function storyByline(setup: StorySetup): string {
  return `${setup.persona} · ${setup.tone} · ${setup.writingStyle} · ${setup.narrativePov} · for ${setup.audienceAgeGroup} · rated ${setup.contentRating}`;
}

/** Markdown: `# Title`, the byline, the premise as a blockquote, then the chapters as `## Title` sections. */
export function storyToMarkdown(input: StoryExportInput): string {
  const parts = [`# ${oneLine(input.title)}`, `*${storyByline(input.setup)}*`];
  const premise = input.premise?.trim();
  if (premise) parts.push(premise.split(/\r?\n/).map((line) => (line.trim() ? `> ${line.trim()}` : '>')).join('\n'));
  for (const { chapter, index } of numberedChapters(input)) {
    const picture = index === null ? undefined : input.pictures?.get(index);
    const image = picture ? `![${picture.caption.replace(/[[\]]/g, '')}](${picture.src})` : '';
    const section = [chapter.title ? `## ${chapter.title}` : '', image, chapter.body].filter(Boolean).join('\n\n');
    if (section) parts.push(section);
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The chapters with the number pictures are kept under: titled chapters
 * count from 0 (text before the first heading has none); a story with no
 * headings at all is chapter 0.
 */
export function numberedChapters(input: Pick<StoryExportInput, 'text'>): { chapter: { title: string | null; body: string }; index: number | null }[] {
  const chapters = chaptersOf(input);
  const titled = chapters.some((chapter) => chapter.title !== null);
  let next = 0;
  return chapters.map((chapter) => ({ chapter, index: !titled || chapter.title !== null ? next++ : null }));
}

/** Plain text: the title underlined, the byline, the premise, and each chapter under its underlined title. */
export function storyToPlainText(input: StoryExportInput): string {
  const title = oneLine(input.title);
  const parts = [`${title}\n${'='.repeat(Math.max(3, title.length))}`, storyByline(input.setup)];
  const premise = input.premise?.trim();
  if (premise) parts.push(premise);
  for (const chapter of chaptersOf(input)) {
    const body = plain(chapter.body);
    const section = [chapter.title ? `${chapter.title}\n${'-'.repeat(Math.max(3, chapter.title.length))}` : '', body].filter(Boolean).join('\n\n');
    if (section) parts.push(section);
  }
  return `${parts.join('\n\n')}\n`;
}

/** The chapters as they appear in the story text; the outline is not used to invent missing ones. */
function chaptersOf(input: Pick<StoryExportInput, 'text'>) {
  return splitChapters(input.text.replace(/^#{3,6}[ \t]+/gm, '## ')).map((c) => ({ title: c.title === null ? null : oneLine(c.title), body: c.body }));
}

function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2')
    .replace(/^>\s?/gm, '')
    .replace(/^#\s+/gm, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
