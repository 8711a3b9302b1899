import { DEFAULT_CONVERSATION_HISTORY, type IllustratedStatus } from '@storyos/contracts';
import { queryOptions } from '@tanstack/react-query';
import { createApi } from './api';
import { createKeys } from './keys';

export const conversationQuery = (id: string) => queryOptions({ queryKey: createKeys.conversation(id), queryFn: () => createApi.conversation(id) });

export const historyQuery = (limit = DEFAULT_CONVERSATION_HISTORY) =>
  queryOptions({ queryKey: createKeys.history(limit), queryFn: () => createApi.history(limit) });

export const storyListQuery = () => queryOptions({ queryKey: createKeys.storyList(), queryFn: () => createApi.stories() });

/** Whether anything of the story may still change: its scenes, pictures or narrations. */
export const isStoryInProgress = (story: { status: IllustratedStatus } | undefined): boolean =>
  story !== undefined && (story.status === 'PENDING' || story.status === 'PROCESSING');

/**
 * One illustrated story. Socket pushes keep it fresh; while it is still being
 * made and the socket is down, it is polled instead (seed 002's status polling).
 */
export const storyQuery = (id: string, polling: boolean) =>
  queryOptions({
    queryKey: createKeys.story(id),
    queryFn: () => createApi.story(id),
    refetchInterval: (query) => (polling && isStoryInProgress(query.state.data) ? 3_000 : false),
  });

