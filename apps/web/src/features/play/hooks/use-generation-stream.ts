import { useQueryClient } from '@tanstack/react-query';
import {
  type GenerationStreamView,
  type StreamStart,
  useGenerationStream as useSharedGenerationStream,
} from '../../generation/use-generation-stream';
import { settleGeneration } from '../cache';

export type { GenerationStreamView, StreamStart };

/**
 * Follows a game's reply with the shared stream hook; when it ends, the
 * session cache takes the final text and the session is read again.
 */
export function useGenerationStream(
  generationId: string | null,
  start: StreamStart | undefined,
  sessionId: string,
): GenerationStreamView {
  const queryClient = useQueryClient();
  return useSharedGenerationStream(generationId, start, (id, outcome) => {
    void settleGeneration(queryClient, sessionId, id, outcome);
  });
}
