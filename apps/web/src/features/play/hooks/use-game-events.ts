import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../../lib/use-socket-event';
import { setActiveGeneration, setWorldState } from '../cache';

/** Keeps an open game's cache current from the socket: new generations (from any tab) and world-state updates. */
export function useGameEvents(sessionId: string): void {
  const queryClient = useQueryClient();
  useSocketEvent('game:state', (event) => {
    if (event.sessionId === sessionId) setWorldState(queryClient, sessionId, event.state);
  });
  useSocketEvent('generation:started', (event) => {
    if (event.target.type === 'game-session' && event.target.id === sessionId) {
      setActiveGeneration(queryClient, sessionId, event.generationId);
    }
  });
}
