import { Injectable } from '@nestjs/common';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { ConcurrencySlots, type Slot } from '../../../core/redis/concurrency-slots';

/** A slot lives this long unless its stream refreshes it (each keep-alive does), so a crashed process frees its slots. */
export const SLOT_TTL_MS = 60_000;

/** Caps how many Server-Sent Event streams one user holds open at once, across API processes. */
@Injectable()
export class SseSlots {
  constructor(
    private readonly slots: ConcurrencySlots,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async take(userId: string): Promise<Slot> {
    const limit = this.config.generation.maxStreamsPerUser;
    const slot = await this.slots.take(`${this.config.redis.prefix}:sse:user:${userId}`, limit, SLOT_TTL_MS);
    if (!slot) throw AppError.tooManyRequests('RATE_LIMITED', `You already follow ${limit} streams at once. Close one, then try again.`, 5);
    return slot;
  }
}
