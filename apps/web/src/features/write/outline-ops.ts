import { MAX_OUTLINE_CHAPTERS, type OutlineChapter } from '@storyos/contracts';

/** List operations of the outline editor; each returns a new array and leaves the old one alone. */

export function addChapter(chapters: readonly OutlineChapter[], at: number = chapters.length): OutlineChapter[] {
  if (chapters.length >= MAX_OUTLINE_CHAPTERS) return [...chapters];
  const index = Math.max(0, Math.min(at, chapters.length));
  return [...chapters.slice(0, index), { title: '', summary: '' }, ...chapters.slice(index)];
}

export function removeChapter(chapters: readonly OutlineChapter[], index: number): OutlineChapter[] {
  if (index < 0 || index >= chapters.length) return [...chapters];
  return chapters.filter((_chapter, position) => position !== index);
}

/** Moves a chapter one place up (-1) or down (+1); at either end nothing moves. */
export function moveChapter(chapters: readonly OutlineChapter[], index: number, direction: -1 | 1): OutlineChapter[] {
  const target = index + direction;
  const moving = chapters[index];
  const other = chapters[target];
  if (!moving || !other) return [...chapters];
  const next = [...chapters];
  next[index] = other;
  next[target] = moving;
  return next;
}

export function updateChapter(chapters: readonly OutlineChapter[], index: number, change: Partial<OutlineChapter>): OutlineChapter[] {
  return chapters.map((chapter, position) => (position === index ? { ...chapter, ...change } : chapter));
}

export const canAddChapter = (chapters: readonly OutlineChapter[]) => chapters.length < MAX_OUTLINE_CHAPTERS;
