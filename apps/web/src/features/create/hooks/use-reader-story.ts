import type { IllustratedStory } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { readStoredStory, refreshKeptStory } from '../offline/story-cache';
import { useIllustratedStory } from './use-illustrated-story';

export interface ReaderStory {
  story: IllustratedStory | undefined;
  /** Shown from this device's copy: signed out, or the server cannot be reached. */
  fromDevice: boolean;
  loading: boolean;
  /** Neither the server nor this device has it for us. */
  error: unknown;
}

/**
 * The story for the reader: from the server while signed in and online (and
 * stored on this device as it is read), else the copy kept here — which is
 * also what shows first, so a reload with the network off opens at once.
 */
export function useReaderStory(storyId: string): ReaderStory {
  const { status, user } = useSession();
  const signedIn = status === 'authenticated';
  const live = useIllustratedStory(storyId, signedIn);
  const stored = useQuery({ queryKey: ['create', 'device-copy', storyId], queryFn: () => readStoredStory(storyId), staleTime: Infinity });

  useEffect(() => {
    if (live.data && user) void refreshKeptStory(live.data, user.id);
  }, [live.data, user]);

  const story = live.data ?? stored.data ?? undefined;
  return {
    story,
    fromDevice: !live.data && story !== undefined,
    loading: story === undefined && (stored.isPending || (signedIn && live.isPending)),
    error: story === undefined && !stored.isPending && (!signedIn || live.isError) ? (live.error ?? 'not-on-device') : null,
  };
}
