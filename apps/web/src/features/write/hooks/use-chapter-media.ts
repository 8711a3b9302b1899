import type { ChapterMedia, ChapterMediaKind } from '@storyos/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MediaJob } from '../../../lib/media/media-job';
import { storiesApi } from '../api';
import { storyKeys } from '../keys';

export interface ChapterMediaControls {
  /** The newest picture and narration of a chapter; narration only while it still matches the chapter's words. */
  of: (chapterIndex: number) => { picture: ChapterMedia | null; narration: ChapterMedia | null };
  start: (chapterIndex: number, kind: ChapterMediaKind, again?: boolean) => Promise<MediaJob>;
  /** A step ended: read the list again for its final parts. */
  refresh: () => void;
}

/** A story's chapter pictures and narration: listed once, started per chapter, kept in the query cache. */
export function useChapterMedia(storyId: string): ChapterMediaControls {
  const queryClient = useQueryClient();
  const items = useQuery({ queryKey: storyKeys.chapterMedia(storyId), queryFn: () => storiesApi.chapterMedia(storyId) }).data;

  const of = useCallback(
    (chapterIndex: number) => {
      const find = (kind: ChapterMediaKind) => items?.find((item) => item.chapterIndex === chapterIndex && item.kind === kind) ?? null;
      const narration = find('narration');
      return { picture: find('illustration'), narration: narration?.matchesText ? narration : null };
    },
    [items],
  );

  const start = useCallback(
    async (chapterIndex: number, kind: ChapterMediaKind, again = false) => {
      const made = await storiesApi.startChapterMedia(storyId, chapterIndex, kind, again);
      queryClient.setQueryData<ChapterMedia[]>(storyKeys.chapterMedia(storyId), (old = []) => [made, ...old.filter((item) => !(item.chapterIndex === chapterIndex && item.kind === kind))]);
      return made;
    },
    [queryClient, storyId],
  );

  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: storyKeys.chapterMedia(storyId) }), [queryClient, storyId]);
  return { of, start, refresh };
}
