import type { ChapterMediaKind, GameMessage, SceneMedia } from '@storyos/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { MediaJob } from '../../../lib/media/media-job';
import { playApi } from '../api';
import { playKeys } from '../keys';
import { playQueries } from '../queries';

export interface SceneMediaControls {
  /** The newest picture and narration of a reply; narration only while it still matches the reply's words. */
  of: (message: GameMessage) => { picture: SceneMedia | null; narration: SceneMedia | null };
  start: (messageId: string, kind: ChapterMediaKind, again?: boolean) => Promise<MediaJob>;
  /** A step ended: read the list again for its final parts. */
  refresh: () => void;
}

/** A game's scene pictures and narration: listed once, started per reply, kept in the query cache. */
export function useSceneMedia(sessionId: string): SceneMediaControls {
  const queryClient = useQueryClient();
  const list = useQuery(playQueries.sceneMedia(sessionId));
  const items = list.data;

  const of = useCallback(
    (message: GameMessage) => {
      const find = (kind: ChapterMediaKind) => items?.find((item) => item.messageId === message.id && item.kind === kind) ?? null;
      const narration = find('narration');
      return { picture: find('illustration'), narration: narration?.matchesText ? narration : null };
    },
    [items],
  );

  const start = useCallback(
    async (messageId: string, kind: ChapterMediaKind, again = false) => {
      const made = await playApi.startSceneMedia(sessionId, messageId, kind, again);
      queryClient.setQueryData<SceneMedia[]>(playKeys.sceneMedia(sessionId), (old = []) => [made, ...old.filter((item) => !(item.messageId === messageId && item.kind === kind))]);
      return made;
    },
    [queryClient, sessionId],
  );

  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: playKeys.sceneMedia(sessionId) }), [queryClient, sessionId]);
  // One object while its parts stay the same, so the transcript's memoised messages are not rebuilt every render.
  return useMemo(() => ({ of, start, refresh }), [of, start, refresh]);
}
