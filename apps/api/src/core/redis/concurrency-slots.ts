import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { InjectRedis } from './redis.token';

// Drops expired slots, then takes one when fewer than the limit are held.
const TAKE_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface Slot {
  /** Keeps a long-held slot alive for another `ttlMs`. */
  refresh(): Promise<void>;
  release(): Promise<void>;
}

/**
 * "At most N at once" across processes (open streams, uploads in progress):
 * a sorted set of held slots per key, each expiring after `ttlMs` unless
 * refreshed, so a crashed process frees what it held.
 */
@Injectable()
export class ConcurrencySlots {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  /** A slot, or null when `limit` are held already. */
  async take(key: string, limit: number, ttlMs: number): Promise<Slot | null> {
    const member = randomUUID();
    const now = Date.now();
    const taken = await this.redis.eval(TAKE_SLOT, 1, key, now, limit, now + ttlMs, member, ttlMs);
    if (taken !== 1) return null;
    return {
      refresh: async () => {
        await this.redis.zadd(key, 'XX', Date.now() + ttlMs, member);
      },
      release: async () => {
        await this.redis.zrem(key, member);
      },
    };
  }
}
