import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { ConcurrencySlots } from '../../../core/redis/concurrency-slots';
import { InjectRedis } from '../../../core/redis/redis.module';

/** A slot outlives no upload: reading 5 MB and making a thumbnail takes seconds, so a crashed process frees its slots after this. */
const SLOT_TTL_MS = 60_000;

/**
 * Keeps one user from flooding uploads, across API processes: a few at a
 * time (each holds up to 5 MB in memory while it is checked) and a number
 * per minute. Both answer 429 with Retry-After.
 */
@Injectable()
export class UploadThrottle {
  private readonly perMinute: RateLimiterRedis;

  constructor(
    @InjectRedis() redis: Redis,
    private readonly slots: ConcurrencySlots,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.perMinute = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.redis.prefix}:uploads:minute`, points: config.media.uploadsPerMinute, duration: 60 });
  }

  /** Takes a parallel-upload slot and counts the upload; the returned function gives the slot back. */
  async admit(userId: string): Promise<() => Promise<void>> {
    const limit = this.config.media.parallelUploads;
    const slot = await this.slots.take(`${this.config.redis.prefix}:uploads:parallel:${userId}`, limit, SLOT_TTL_MS);
    if (!slot) throw AppError.tooManyRequests('RATE_LIMITED', `You are already uploading ${limit} files. Wait for them to finish, then try again.`, 2);
    const release = () => slot.release();
    try {
      await this.perMinute.consume(userId);
    } catch (error) {
      await release();
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw AppError.tooManyRequests('RATE_LIMITED', `You can upload ${this.config.media.uploadsPerMinute} files a minute. Try again in ${seconds} seconds.`, seconds);
    }
    return release;
  }
}
