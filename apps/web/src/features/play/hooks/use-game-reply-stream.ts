import { useQueryClient } from '@tanstack/react-query';
import { type GenerationStreamView, type StreamStart, useGenerationStream } from '../../generation/use-generation-stream';
import { settleGeneration } from '../cache';

/**
 * Follows a game's reply with the shared stream hook; when it ends, the
 * session cache takes the final text and the session is read again.
 */
export function useGameReplyStream(generationId: string | null, start: StreamStart | undefined, sessionId: string): GenerationStreamView {
  const queryClient = useQueryClient();
  return useGenerationStream(generationId, start, (id, outcome) => {
    void settleGeneration(queryClient, sessionId, id, outcome);
  });
}
