import type Redis from 'ioredis';

/**
 * Adds one to a counter and sets when it expires, in one transaction: one
 * round trip, and the count never lives without its expiry. Answers the new count.
 */
export async function countWithExpiry(redis: Redis, key: string, expiresAtSeconds: number): Promise<number> {
  const results = await redis.multi().incr(key).expireat(key, expiresAtSeconds).exec();
  const [counted] = results ?? [];
  if (!counted) throw new Error(`Counting ${key} was not answered`);
  if (counted[0]) throw counted[0];
  return counted[1] as number;
}
