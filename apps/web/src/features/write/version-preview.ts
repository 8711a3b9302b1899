import type { StoryArtifact } from '@storyos/contracts';

/** Long enough to read what a version says, short enough for a list. */
export const PREVIEW_CHARS = 420;
/** A shared opening longer than this is skipped, so the preview starts where versions part. */
const SHARED_OPENING = 80;

/** A version as one line of text: the outline as its numbered chapters. */
export function versionText(artifact: Pick<StoryArtifact, 'text' | 'outline'>): string {
  if (artifact.outline) return artifact.outline.chapters.map((chapter, index) => `${index + 1}. ${chapter.title} — ${chapter.summary}`).join('\n');
  return artifact.text ?? '';
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the versions list shows of a version: its text from where it first
 * differs from the version before it (at a word, with "…" for what is
 * skipped), up to PREVIEW_CHARS. Three premises that open alike still read differently.
 */
export function versionPreview(artifact: Pick<StoryArtifact, 'text' | 'outline'>, older: Pick<StoryArtifact, 'text' | 'outline'> | null): string {
  const text = flat(versionText(artifact));
  const before = older ? flat(versionText(older)) : '';
  let start = 0;
  while (start < text.length && start < before.length && text[start] === before[start]) start += 1;
  if (start <= SHARED_OPENING || start >= text.length) start = 0;
  else start = Math.max(0, text.lastIndexOf(' ', start - 20) + 1);
  const body = text.slice(start, start + PREVIEW_CHARS);
  const cut = start + PREVIEW_CHARS < text.length ? body.slice(0, Math.max(body.lastIndexOf(' '), PREVIEW_CHARS - 40)) : body;
  return `${start > 0 ? '…' : ''}${cut}${start + cut.length < text.length ? '…' : ''}`;
}
