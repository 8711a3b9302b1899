/**
 * Recognises failures that mean PostgreSQL or Redis cannot be reached right
 * now (as opposed to a bug): the API answers those with 503 and Retry-After.
 */
export type Dependency = 'database' | 'redis';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// SQLSTATE class 08 (connection exception), shutdowns and "too many connections".
const POSTGRES_UNAVAILABLE = /^(08...|57P01|57P02|57P03|53300)$/;
const PG_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;
const REDIS_MESSAGES = /Connection is closed|Stream isn't writeable|Reached the max retries per request limit|connect ECONNREFUSED/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  errno?: unknown;
}

export function unavailableDependency(error: unknown): Dependency | null {
  if (typeof error !== 'object' || error === null) return null;
  const outer = error as ErrorLike;
  if (outer.name === 'MaxRetriesPerRequestError') return 'redis';
  // TypeORM wraps the driver's error; look at both.
  const inner = (outer.driverError ?? outer) as ErrorLike;
  const fromTypeorm = outer.driverError !== undefined || outer.name === 'QueryFailedError' || outer.name === 'CannotConnectAlreadyConnectedError';
  const code = typeof inner.code === 'string' ? inner.code : '';
  const message = typeof inner.message === 'string' ? inner.message : '';
  if (POSTGRES_UNAVAILABLE.test(code) || PG_CONNECTION_MESSAGES.test(message)) return 'database';
  if (REDIS_MESSAGES.test(message) && !fromTypeorm) return 'redis';
  if (NETWORK_CODES.has(code)) return fromTypeorm || /postgres|5432/i.test(message) ? 'database' : 'redis';
  return null;
}
