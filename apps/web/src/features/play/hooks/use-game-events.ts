import type { GenerationKind } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../../lib/use-socket-event';
import { setActiveGeneration, setWorldState } from '../cache';

/** What holds the game while it runs: the narrator's writing and the world-state step; a scene's picture or narration does not. */
const HOLDS_THE_GAME: ReadonlySet<GenerationKind> = new Set(['game.opening', 'game.turn', 'game.continue', 'game.world-state']);

/** Keeps an open game's cache current from the socket: new generations (from any tab) and world-state updates. */
export function useGameEvents(sessionId: string): void {
  const queryClient = useQueryClient();
  useSocketEvent('game:state', (event) => {
    if (event.sessionId === sessionId) setWorldState(queryClient, sessionId, event.state);
  });
  useSocketEvent('generation:started', (event) => {
    if (event.target.type === 'game-session' && event.target.id === sessionId && HOLDS_THE_GAME.has(event.kind)) {
      setActiveGeneration(queryClient, sessionId, event.generationId);
    }
  });
}
