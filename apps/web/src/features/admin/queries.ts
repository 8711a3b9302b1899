import type { CreateSystemPromptVersionRequest, PongEvent, SystemPromptKind } from '@storyos/contracts';
import { queryOptions, skipToken, useMutation, useQueryClient } from '@tanstack/react-query';
import { systemApi, systemPromptsApi } from './api';

/** A pong as it reached this browser; the arrival time is ours, to measure the full round trip. */
export interface ReceivedPong {
  event: PongEvent;
  receivedAt: number;
}

export const systemKeys = {
  all: ['system'] as const,
  health: () => [...systemKeys.all, 'health'] as const,
  liveness: () => [...systemKeys.health(), 'live'] as const,
  readiness: () => [...systemKeys.health(), 'ready'] as const,
  pongs: () => [...systemKeys.all, 'pongs'] as const,
  pong: (nonce: string) => [...systemKeys.pongs(), nonce] as const,
  prompts: () => [...systemKeys.all, 'prompts'] as const,
};

const HEALTH_POLL_MS = 15_000;

export const systemQueries = {
  liveness: () =>
    queryOptions({ queryKey: systemKeys.liveness(), queryFn: systemApi.liveness, refetchInterval: HEALTH_POLL_MS }),
  readiness: () =>
    queryOptions({ queryKey: systemKeys.readiness(), queryFn: systemApi.readiness, refetchInterval: HEALTH_POLL_MS }),
  /** Filled by the socket listener, never fetched: the pong arrives on its own. */
  pong: (nonce: string | undefined) =>
    queryOptions<ReceivedPong>({ queryKey: systemKeys.pong(nonce ?? ''), queryFn: skipToken, staleTime: Infinity }),
};

export const systemPromptQueries = {
  list: () => queryOptions({ queryKey: systemKeys.prompts(), queryFn: systemPromptsApi.list }),
};

export function useCreatePromptVersionMutation(kind: SystemPromptKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSystemPromptVersionRequest) => systemPromptsApi.createVersion(kind, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: systemKeys.prompts() }),
  });
}

export function useActivatePromptMutation(kind: SystemPromptKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => systemPromptsApi.activate(kind, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: systemKeys.prompts() }),
  });
}
