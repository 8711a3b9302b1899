import type { CreateStoryCardRequest, GameSession, GameSessionSummary, Page, PlayerInputMode, UpdateGameNotesRequest, UpdateStoryCardRequest } from '@storyos/contracts';
import { keepPreviousData, queryOptions, skipToken, useMutation, useQueryClient } from '@tanstack/react-query';
import { playApi } from './api';
import { appendPendingTurn, dropStoryCard, putStoryCard, replaceLastReply, setActiveGeneration, setNotes } from './cache';
import { playKeys } from './keys';

export { playKeys };

export const playQueries = {
  sessionList: (page: number, pageSize: number) =>
    queryOptions({
      queryKey: playKeys.sessionList(page, pageSize),
      queryFn: () => playApi.listSessions(page, pageSize),
      placeholderData: keepPreviousData,
    }),
  session: (id: string) =>
    // The socket keeps an open game current; a refetch on its own would only race the stream.
    queryOptions({ queryKey: playKeys.session(id), queryFn: () => playApi.getSession(id), staleTime: Infinity }),
  /** Pictures and narration of the game's scenes; live progress comes from each step's stream. */
  sceneMedia: (id: string) => queryOptions({ queryKey: playKeys.sceneMedia(id), queryFn: () => playApi.sceneMedia(id) }),
  /** Read once, when a stream is resumed: its text and lastSeq are where the live entries continue. */
  generation: (id: string | null) =>
    queryOptions({
      queryKey: playKeys.generation(id ?? ''),
      queryFn: id ? () => playApi.getGeneration(id) : skipToken,
      staleTime: Infinity,
      gcTime: 60_000,
    }),
  provider: () => queryOptions({ queryKey: playKeys.provider(), queryFn: playApi.provider, staleTime: 5 * 60_000 }),
};

export function useCreateSessionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scenarioId: string) => playApi.createSession(scenarioId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: playKeys.sessions() }),
  });
}

export function useRenameSessionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => playApi.renameSession(id, title),
    onSuccess: (_result, { id, title }) => {
      queryClient.setQueryData<GameSession>(playKeys.session(id), (old) => (old ? { ...old, title } : old));
      return queryClient.invalidateQueries({ queryKey: playKeys.sessionLists() });
    },
  });
}

export function useDeleteSessionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => playApi.deleteSession(id),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: playKeys.session(id) });
      // Drop it from every cached page at once, then let the lists settle with the server.
      queryClient.setQueriesData<Page<GameSessionSummary>>({ queryKey: playKeys.sessionLists() }, (page) =>
        page ? { ...page, items: page.items.filter((item) => item.id !== id), total: Math.max(0, page.total - 1) } : page,
      );
      return queryClient.invalidateQueries({ queryKey: playKeys.sessionLists() });
    },
  });
}

/** The moves of an open game; each one tells the cache what it already knows before the session is read again. */
export function useGameActions(sessionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: playKeys.session(sessionId) });
  const send = useMutation({
    mutationFn: ({ content, mode }: { content: string; mode: PlayerInputMode }) => playApi.sendTurn(sessionId, content, mode),
    onSuccess: ({ generationId }, { content, mode }) => {
      appendPendingTurn(queryClient, sessionId, content, generationId, mode);
      return refresh();
    },
  });
  const stop = useMutation({ mutationFn: (shownChars?: number) => playApi.stop(sessionId, shownChars) });
  const swipe = useMutation({
    mutationFn: (index: number) => playApi.swipe(sessionId, index),
    onSuccess: (session) => queryClient.setQueryData(playKeys.session(sessionId), session),
  });
  const edit = useMutation({
    mutationFn: ({ messageId, content, baseRevision }: { messageId: string; content: string; baseRevision: number }) => playApi.editMessage(sessionId, messageId, content, baseRevision),
    onSuccess: (session) => queryClient.setQueryData(playKeys.session(sessionId), session),
  });
  const regenerate = useMutation({
    mutationFn: () => playApi.regenerate(sessionId),
    onSuccess: ({ generationId }) => {
      replaceLastReply(queryClient, sessionId, generationId);
      return refresh();
    },
  });
  const continueReply = useMutation({
    mutationFn: () => playApi.continueStory(sessionId),
    onSuccess: ({ generationId }) => {
      setActiveGeneration(queryClient, sessionId, generationId);
      return refresh();
    },
  });
  const undo = useMutation({
    mutationFn: () => playApi.undo(sessionId),
    onSuccess: (session) => {
      queryClient.setQueryData(playKeys.session(sessionId), session);
      return queryClient.invalidateQueries({ queryKey: playKeys.sessionLists() });
    },
  });
  return { send, stop, regenerate, continueReply, undo, swipe, edit };
}

/** Memory, author's note and story cards of one game; each save names the version it was made from. */
export function useStoryNotes(sessionId: string) {
  const queryClient = useQueryClient();
  const saveNotes = useMutation({
    mutationFn: (notes: UpdateGameNotesRequest) => playApi.updateNotes(sessionId, notes),
    onSuccess: (notes) => setNotes(queryClient, sessionId, notes),
  });
  const createCard = useMutation({
    mutationFn: (card: CreateStoryCardRequest) => playApi.createCard(sessionId, card),
    onSuccess: (card) => putStoryCard(queryClient, sessionId, card),
  });
  const updateCard = useMutation({
    mutationFn: ({ cardId, card }: { cardId: string; card: UpdateStoryCardRequest }) => playApi.updateCard(sessionId, cardId, card),
    onSuccess: (card) => putStoryCard(queryClient, sessionId, card),
  });
  const deleteCard = useMutation({
    mutationFn: (cardId: string) => playApi.deleteCard(sessionId, cardId),
    onSuccess: (_result, cardId) => dropStoryCard(queryClient, sessionId, cardId),
  });
  return { saveNotes, createCard, updateCard, deleteCard };
}
