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

/**
 * The queue dashboard (bull-board) is a page of its own, which a browser opens
 * without a bearer header: an admin asks for access, gets a short-lived
 * httpOnly cookie scoped to the dashboard's path, then opens `url`.
 */
export const QueueDashboardAccessSchema = z.object({
  /** Where the dashboard is served. */
  url: z.string(),
  /** When the cookie stops opening it; ask again from the System page after that. */
  expiresAt: z.iso.datetime(),
});
export type QueueDashboardAccess = z.infer<typeof QueueDashboardAccessSchema>;
