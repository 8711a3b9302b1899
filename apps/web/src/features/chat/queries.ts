import type { ChatVisibility, HistoryPage } from '@storyos/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { chatApi } from './api';
import { chatKeys } from './keys';

export { chatKeys };

export const chatQueries = {
  /** Pages of my chats, newest first; the next page is older than the last chat seen. */
  history: () =>
    infiniteQueryOptions({
      queryKey: chatKeys.history(),
      queryFn: ({ pageParam }) => chatApi.history(pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (last: HistoryPage) => (last.hasMore ? (last.chats.at(-1)?.id ?? null) : null),
    }),
  detail: (id: string) => queryOptions({ queryKey: chatKeys.detail(id), queryFn: () => chatApi.chat(id), retry: false }),
  votes: (id: string) => queryOptions({ queryKey: chatKeys.votes(id), queryFn: () => chatApi.votes(id) }),
  allowance: () => queryOptions({ queryKey: chatKeys.allowance(), queryFn: chatApi.allowance }),
  models: () => queryOptions({ queryKey: chatKeys.models(), queryFn: chatApi.models, staleTime: 5 * 60_000 }),
  document: (id: string) => queryOptions({ queryKey: chatKeys.document(id), queryFn: () => chatApi.documentVersions(id) }),
  suggestions: (documentId: string) => queryOptions({ queryKey: chatKeys.suggestions(documentId), queryFn: () => chatApi.suggestions(documentId) }),
};

export function useDeleteChatMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => chatApi.deleteChat(id),
    onSuccess: (_chat, id) => {
      queryClient.removeQueries({ queryKey: chatKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: chatKeys.history() });
    },
  });
}

export function useDeleteAllChatsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => chatApi.deleteAll(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.all }),
  });
}

export function useVisibilityMutation(chatId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (visibility: ChatVisibility) => chatApi.setVisibility(chatId, visibility),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: chatKeys.detail(chatId) }), queryClient.invalidateQueries({ queryKey: chatKeys.history() })]),
  });
}

export function useVoteMutation(chatId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, type }: { messageId: string; type: 'up' | 'down' }) => chatApi.vote(chatId, messageId, type),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.votes(chatId) }),
  });
}
