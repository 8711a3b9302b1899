import { z } from 'zod';

/**
 * A round trip through the queue: the API enqueues a ping, a worker picks it
 * up and answers on the caller's socket room. Operators use it to see that
 * workers are alive and realtime delivery works end to end.
 */
export const PingRequestSchema = z.strictObject({
  nonce: z.string().trim().min(1, { message: 'Nonce cannot be empty' }).max(64, { message: 'Nonce must be at most 64 characters' }),
});
export type PingRequest = z.infer<typeof PingRequestSchema>;

export const PingAcceptedSchema = z.object({
  jobId: z.string(),
  nonce: z.string(),
  enqueuedAt: z.iso.datetime(),
});
export type PingAccepted = z.infer<typeof PingAcceptedSchema>;
