import Redis, { type RedisOptions } from 'ioredis';

interface WarnLogger {
  warn(context: object, message: string): void;
}

/**
 * Every Redis connection we open: errors are logged (once per outage, not per
 * retry) instead of surfacing as unhandled events; ioredis keeps reconnecting.
 * Each is named `<prefix>:<role>` (CLIENT LIST shows who holds what).
 */
export function createRedis(redisConfig: { url: string; prefix: string }, role: string, logger: WarnLogger, options: RedisOptions = {}): Redis {
  const redis = new Redis(redisConfig.url, { maxRetriesPerRequest: 3, connectionName: redisConnectionName(redisConfig.prefix, role), ...options });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn({ role, err: error.message }, 'Redis connection failed; retrying');
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}

/** Closes politely when connected, and drops the socket otherwise. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => redis.disconnect());
  } else {
    redis.disconnect();
  }
}

export const redisConnectionName = (prefix: string, role: string): string => `${prefix}:${role}`;
