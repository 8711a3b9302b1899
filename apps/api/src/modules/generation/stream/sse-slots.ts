import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { InjectRedis } from '../../../core/redis/redis.module';

/** A slot lives this long unless its stream refreshes it (each keep-alive does), so a crashed process frees its slots. */
export const SLOT_TTL_MS = 60_000;

// Drops expired slots, then takes one when fewer than the limit are held.
const TAKE_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface SseSlot {
  refresh(): Promise<void>;
  release(): Promise<void>;
}

/** Caps how many Server-Sent Event streams one user holds open at once, across API processes. */
@Injectable()
export class SseSlots {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async take(userId: string): Promise<SseSlot> {
    const key = `${this.config.redis.prefix}:sse:user:${userId}`;
    const member = randomUUID();
    const now = Date.now();
    const limit = this.config.generation.maxStreamsPerUser;
    const taken = await this.redis.eval(TAKE_SLOT, 1, key, now, limit, now + SLOT_TTL_MS, member, SLOT_TTL_MS);
    if (taken !== 1) {
      throw AppError.tooManyRequests('RATE_LIMITED', `You already follow ${limit} streams at once. Close one, then try again.`, 5);
    }
    return {
      refresh: async () => {
        await this.redis.zadd(key, 'XX', Date.now() + SLOT_TTL_MS, member);
      },
      release: async () => {
        await this.redis.zrem(key, member);
      },
    };
  }
}
