import { OutlineSchema, type StoryPhase } from '@storyos/contracts';
import type { NewVersion } from '../artifacts/story-artifacts';
import { appendChapter, chapterText, type PhaseContext } from './phase-request';

/**
 * What the cache holds per phase: the premise text, the outline as JSON, or
 * the chapter a start or continue wrote, as the model wrote it (a continue's
 * version is the story so far plus that chapter, and the story so far is part
 * of the key).
 */
export function cacheValueOf(phase: StoryPhase, result: { text?: string; outline?: unknown }): string {
  return phase === 'outline' ? JSON.stringify(result.outline) : (result.text ?? '');
}

/**
 * The version a cached value becomes; null when the value is unusable (then
 * it is written afresh). A chapter gets its heading here: the outline and the
 * chapter it is for are part of the key, so it is the heading it was written under.
 */
export function cachedContent(phase: StoryPhase, value: string, context: PhaseContext): Pick<NewVersion, 'kind' | 'content'> | null {
  switch (phase) {
    case 'premise':
      return value.trim() ? { kind: 'premise', content: { text: value } } : null;
    case 'outline': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return null;
      }
      const outline = OutlineSchema.safeParse(parsed);
      return outline.success ? { kind: 'outline', content: { outline: outline.data } } : null;
    }
    case 'start':
    case 'continue': {
      if (!value.trim()) return null;
      const chapter = chapterText(value, context.outline ?? { chapters: [] }, context.chapterIndex ?? 0);
      return { kind: 'story', content: { text: phase === 'start' ? chapter : appendChapter(context.storyText, chapter) } };
    }
    case 'chapter':
      // Writing a chapter again is asked for to get a different one.
      return null;
    case 'extend':
      // Going on from a cut-off passage is asked for because the last one was cut: never served from the cache.
      return null;
  }
}
