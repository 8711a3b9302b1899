import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

type WithId = IncomingMessage & { id?: string };

/**
 * Gives every request an id before anything else runs (so even body-parser
 * errors carry one), accepting a caller's id when it looks like one.
 */
export function assignRequestId(request: WithId, response: ServerResponse, next: () => void): void {
  const incoming = request.headers[REQUEST_ID_HEADER];
  request.id = typeof incoming === 'string' && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, request.id);
  next();
}

export function requestIdOf(request: IncomingMessage): string {
  return (request as WithId).id ?? randomUUID();
}
