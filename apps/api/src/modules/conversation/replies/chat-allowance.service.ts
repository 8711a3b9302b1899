import { Injectable } from '@nestjs/common';
import type { ChatAllowance } from '@storyos/contracts';
import { chatLimitMessage, decideQuota, quotaWindow, userTypeOf } from '@storyos/domain';
import type Redis from 'ioredis';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { countWithExpiry } from '../../../core/redis/count-with-expiry';
import { InjectRedis } from '../../../core/redis/redis.module';
import type { AuthUser } from '../../auth/auth-user';

/** Seed 003's entitlements: chat messages per UTC day by user type, counted once per reply. */
@Injectable()
export class ChatAllowanceService {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Counts one message, or refuses with 429 and `Retry-After` once the day's messages are sent. */
  async consume(user: AuthUser, now = new Date()): Promise<void> {
    const window = quotaWindow(now);
    const userType = userTypeOf(user);
    const limit = this.config.chatMessages[userType];
    const key = this.key(user.id, window.day);
    const used = await countWithExpiry(this.redis, key, Math.ceil(window.resetsAt.getTime() / 1000) + 3600);
    const decision = decideQuota(limit, used, window);
    if (decision.allowed) return;
    await this.redis.decr(key);
    throw AppError.tooManyRequests('QUOTA_EXCEEDED', chatLimitMessage(userType, limit ?? 0, decision.retryAfterSeconds), decision.retryAfterSeconds, {
      limit,
      resetsAt: window.resetsAt.toISOString(),
    });
  }

  /** Gives one back, for a message that was refused after it was counted. */
  async refund(user: AuthUser, now = new Date()): Promise<void> {
    const key = this.key(user.id, quotaWindow(now).day);
    if ((await this.redis.decr(key)) < 0) await this.redis.set(key, 0, 'KEEPTTL');
  }

  async status(user: AuthUser, now = new Date()): Promise<ChatAllowance> {
    const window = quotaWindow(now);
    const limit = this.config.chatMessages[userTypeOf(user)];
    const used = Number((await this.redis.get(this.key(user.id, window.day))) ?? 0);
    return { limit, used, remaining: limit === null ? null : Math.max(0, limit - used), resetsAt: window.resetsAt.toISOString() };
  }

  private key(userId: string, day: string): string {
    return `${this.config.redis.prefix}:chat-messages:${userId}:${day}`;
  }
}
