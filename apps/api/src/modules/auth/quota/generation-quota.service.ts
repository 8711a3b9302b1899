import { Injectable } from '@nestjs/common';
import type { QuotaStatus } from '@storyos/contracts';
import { decideQuota, describeQuotaReset, quotaWindow, userTypeOf } from '@storyos/domain';
import Redis from 'ioredis';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { countWithExpiry } from '../../../core/redis/count-with-expiry';
import { InjectRedis } from '../../../core/redis/redis.module';
import type { AuthUser } from '../auth-user';

/** Daily generation allowance per user type; every generation consumes one. */
@Injectable()
export class GenerationQuota {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Counts one generation, or refuses with 429 and `Retry-After` when the day's allowance is used. */
  async consume(user: AuthUser, now = new Date()): Promise<QuotaStatus> {
    const window = quotaWindow(now);
    const limit = this.config.quotas[userTypeOf(user)];
    const key = this.key(user.id, window.day);
    const used = await countWithExpiry(this.redis, key, Math.ceil(window.resetsAt.getTime() / 1000) + 3600);
    const decision = decideQuota(limit, used, window);
    if (!decision.allowed) {
      await this.redis.decr(key);
      throw AppError.tooManyRequests(
        'QUOTA_EXCEEDED',
        `You have used all ${limit} generations for today. Your allowance resets ${describeQuotaReset(window.resetsAt, now)}.`,
        decision.retryAfterSeconds,
        { limit, resetsAt: window.resetsAt.toISOString() },
      );
    }
    return this.describe(user, used, window.resetsAt);
  }

  /** Gives one back, for a generation that was refused before it started. */
  async refund(user: AuthUser, now = new Date()): Promise<void> {
    const key = this.key(user.id, quotaWindow(now).day);
    if ((await this.redis.decr(key)) < 0) await this.redis.set(key, 0, 'KEEPTTL');
  }

  async status(user: AuthUser, now = new Date()): Promise<QuotaStatus> {
    const window = quotaWindow(now);
    const used = Number((await this.redis.get(this.key(user.id, window.day))) ?? 0);
    return this.describe(user, used, window.resetsAt);
  }

  private describe(user: AuthUser, used: number, resetsAt: Date): QuotaStatus {
    const userType = userTypeOf(user);
    const limit = this.config.quotas[userType];
    return { userType, limit, used, remaining: limit === null ? null : Math.max(0, limit - used), resetsAt: resetsAt.toISOString() };
  }

  private key(userId: string, day: string): string {
    return `${this.config.redis.prefix}:quota:${userId}:${day}`;
  }
}
