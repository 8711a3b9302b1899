import type { GameMessage, GameNotes, GameSession, Generation, GenerationStatus, PlayerTurnMode, StoryCard, WorldState } from '@storyos/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { playKeys } from './keys';

export interface StreamOutcome {
  status: GenerationStatus;
  text: string;
  lastSeq: number;
  error: string | null;
}

/**
 * A stream ended: the cache takes the final text at once (no flash of the
 * stored partial), then the session is read again so the stored message is
 * the one on screen.
 */
export async function settleGeneration(
  queryClient: QueryClient,
  sessionId: string,
  generationId: string,
  outcome: StreamOutcome,
): Promise<void> {
  queryClient.setQueryData<Generation>(playKeys.generation(generationId), (old) =>
    old ? { ...old, status: outcome.status, text: outcome.text, lastSeq: outcome.lastSeq, error: outcome.error } : old,
  );
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) => {
    if (!old) return old;
    const known = old.messages.some((message) => message.generationId === generationId);
    const generation = queryClient.getQueryData<Generation>(playKeys.generation(generationId));
    // World-state steps write no message; only replies are put into the transcript.
    const isReply = generation ? generation.kind !== 'game.world-state' : true;
    // A continuation's text joins its reply on the server; the session read below brings the whole.
    const continues = generation?.kind === 'game.continue';
    const messages: GameMessage[] = known
      ? old.messages.map((message) =>
          message.generationId === generationId
            ? continues
              ? { ...message, content: joinedText(message.content, outcome.text) }
              : { ...message, content: outcome.text, status: outcome.status, error: outcome.error }
            : message,
        )
      : isReply
        ? [...old.messages, liveMessage(generationId, outcome, old)]
        : old.messages;
    return {
      ...old,
      messages,
      // A completed reply holds the game until its world-state step takes over (the session read below says when).
      activeGenerationId: old.activeGenerationId === generationId && !(isReply && outcome.status === 'completed') ? null : old.activeGenerationId,
    };
  });
  await queryClient.invalidateQueries({ queryKey: playKeys.session(sessionId) });
}

/** The reply so far with the words that continue it, as the reader sees them while they stream. */
export function joinedText(before: string, after: string): string {
  if (!after) return before;
  if (!before) return after;
  return /\s$/.test(before) || /^[\s.,;:!?]/.test(after) ? `${before}${after}` : `${before} ${after}`;
}

function liveMessage(generationId: string, outcome: StreamOutcome, session: GameSession): GameMessage {
  return {
    id: `live-${generationId}`,
    role: 'narrator',
    content: outcome.text,
    mode: null,
    revision: 0,
    swipe: { index: 0, count: 1 },
    context: null,
    generationId,
    status: outcome.status,
    error: outcome.error,
    finishReason: null,
    turn: session.state.turnCount,
    createdAt: new Date().toISOString(),
  };
}

/** The player's line shows at once; the server's copy replaces it when the session is read again. */
export function appendPendingTurn(queryClient: QueryClient, sessionId: string, content: string, generationId: string, mode: PlayerTurnMode = 'do'): void {
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) =>
    old
      ? {
          ...old,
          activeGenerationId: generationId,
          messages: [
            ...old.messages,
            {
              id: `pending-${generationId}`,
              role: 'player',
              content,
              mode,
              revision: 0,
              swipe: null,
              context: null,
              generationId: null,
              status: null,
              error: null,
              finishReason: null,
              turn: old.state.turnCount + 1,
              createdAt: new Date().toISOString(),
            },
          ],
        }
      : old,
  );
}

/** A regenerated reply replaces the last one: it leaves the transcript at once, the new one streams in its place. */
export function replaceLastReply(queryClient: QueryClient, sessionId: string, generationId: string): void {
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) => {
    if (!old) return old;
    const last = old.messages.at(-1);
    const messages = last?.role === 'narrator' ? old.messages.slice(0, -1) : old.messages;
    return { ...old, messages, activeGenerationId: generationId };
  });
}

export function setActiveGeneration(queryClient: QueryClient, sessionId: string, generationId: string): void {
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) =>
    old ? { ...old, activeGenerationId: generationId } : old,
  );
}

export function setWorldState(queryClient: QueryClient, sessionId: string, state: WorldState): void {
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) =>
    old ? { ...old, state, turnCount: state.turnCount } : old,
  );
}

/** The memory and author's note as saved. */
export function setNotes(queryClient: QueryClient, sessionId: string, notes: GameNotes): void {
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) => (old ? { ...old, notes } : old));
}

/** A card created or saved takes its place in the list (new ones at the end). */
export function putStoryCard(queryClient: QueryClient, sessionId: string, card: StoryCard): void {
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) => {
    if (!old) return old;
    const known = old.storyCards.some((existing) => existing.id === card.id);
    return { ...old, storyCards: known ? old.storyCards.map((existing) => (existing.id === card.id ? card : existing)) : [...old.storyCards, card] };
  });
}

export function dropStoryCard(queryClient: QueryClient, sessionId: string, cardId: string): void {
  queryClient.setQueryData<GameSession>(playKeys.session(sessionId), (old) => (old ? { ...old, storyCards: old.storyCards.filter((card) => card.id !== cardId) } : old));
}
