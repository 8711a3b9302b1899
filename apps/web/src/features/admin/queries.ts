import type { PongEvent } from '@storyos/contracts';
import { queryOptions, skipToken } from '@tanstack/react-query';
import { systemApi } from './api';

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
