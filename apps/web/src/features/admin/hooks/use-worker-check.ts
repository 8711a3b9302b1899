import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { whenSocketConnected } from '../../../lib/socket';
import { useSocketEvent } from '../../../lib/use-socket-event';
import { systemApi } from '../api';
import { randomNonce } from '../nonce';
import { systemKeys, systemQueries } from '../queries';

/** How long to wait for a worker before saying none answered. */
export const WORKER_REPLY_TIMEOUT_MS = 15_000;

export type WorkerCheckState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'waiting'; nonce: string }
  | { status: 'answered'; workerId: string; roundTripMs: number; queueMs: number }
  | { status: 'timed-out' }
  | { status: 'failed'; error: unknown };

/**
 * Sends a ping through the queue and waits for the worker's pong on the
 * socket. Pongs land in the query cache by nonce, so one that beats the HTTP
 * answer back is not lost.
 */
export function useWorkerCheck(): { state: WorkerCheckState; check: () => void } {
  const queryClient = useQueryClient();
  const [timedOutNonce, setTimedOutNonce] = useState<string | null>(null);

  useSocketEvent('system:pong', (event) => {
    queryClient.setQueryData(systemKeys.pong(event.nonce), { event, receivedAt: performance.now() });
  });

  const ping = useMutation({
    mutationFn: async () => {
      // Listen before asking, or a quick worker's answer could arrive before we are connected.
      await whenSocketConnected();
      const nonce = randomNonce();
      const startedAt = performance.now();
      await systemApi.ping(nonce);
      return { nonce, startedAt };
    },
  });

  const nonce = ping.data?.nonce;
  const pong = useQuery({ ...systemQueries.pong(nonce), enabled: Boolean(nonce) });

  useEffect(() => {
    if (!nonce || pong.data) return;
    const timer = setTimeout(() => setTimedOutNonce(nonce), WORKER_REPLY_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [nonce, pong.data]);

  const check = () => {
    setTimedOutNonce(null);
    ping.mutate();
  };

  return { state: toState(), check };

  function toState(): WorkerCheckState {
    if (ping.isPending) return { status: 'sending' };
    if (ping.isError) return { status: 'failed', error: ping.error };
    if (!ping.data) return { status: 'idle' };
    if (pong.data) {
      const { event, receivedAt } = pong.data;
      return {
        status: 'answered',
        workerId: event.workerId,
        roundTripMs: Math.max(0, Math.round(receivedAt - ping.data.startedAt)),
        queueMs: Math.max(0, Date.parse(event.processedAt) - Date.parse(event.enqueuedAt)),
      };
    }
    if (timedOutNonce === ping.data.nonce) return { status: 'timed-out' };
    return { status: 'waiting', nonce: ping.data.nonce };
  }
}
