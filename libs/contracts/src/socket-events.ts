import { z } from 'zod';
import type { ErrorBody } from './errors';

/** Each user has a room; workers emit to it through Redis. */
export const userRoom = (userId: string): string => `user:${userId}`;

export const PongEventSchema = z.object({
  nonce: z.string(),
  workerId: z.string(),
  enqueuedAt: z.iso.datetime(),
  processedAt: z.iso.datetime(),
});
export type PongEvent = z.infer<typeof PongEventSchema>;

export const SOCKET_EVENTS = {
  pong: 'system:pong',
  error: 'error',
} as const;

/** Events the server sends. */
export interface ServerToClientEvents {
  'system:pong': (event: PongEvent) => void;
  error: (error: ErrorBody) => void;
}

/** Events the client sends. */
export type ClientToServerEvents = Record<string, never>;
