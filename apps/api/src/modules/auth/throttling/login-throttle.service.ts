import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { InjectRedis } from '../../../core/redis/redis.module';

/**
 * Counts failed logins per client IP and per account. Once either passes its
 * limit, further attempts are refused with 429 until the window has passed,
 * whether or not the password would be right.
 */
@Injectable()
export class LoginThrottle {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(@InjectRedis() redis: Redis, @InjectConfig() config: AppConfig) {
    const { maxFailuresPerIp, maxFailuresPerAccount, failureWindowSeconds } = config.auth.login;
    const base = { storeClient: redis, duration: failureWindowSeconds, blockDuration: failureWindowSeconds };
    this.perIp = new RateLimiterRedis({ ...base, keyPrefix: `${config.redis.prefix}:login-fail:ip`, points: maxFailuresPerIp });
    this.perAccount = new RateLimiterRedis({ ...base, keyPrefix: `${config.redis.prefix}:login-fail:account`, points: maxFailuresPerAccount });
  }

  async assertAllowed(ip: string, email: string): Promise<void> {
    const [byIp, byAccount] = await Promise.all([this.perIp.get(ip), this.perAccount.get(email)]);
    const blocked = [byIp, byAccount].filter((state): state is RateLimiterRes => state !== null && state.remainingPoints <= 0);
    if (blocked.length) throw tooMany(Math.max(...blocked.map((state) => state.msBeforeNext)));
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    const results = await Promise.allSettled([this.perIp.consume(ip), this.perAccount.consume(email)]);
    const rejected = results.find((result) => result.status === 'rejected');
    if (rejected && rejected.reason instanceof RateLimiterRes) throw tooMany(rejected.reason.msBeforeNext);
    if (rejected) throw rejected.reason;
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}

function tooMany(msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return AppError.tooManyRequests('RATE_LIMITED', `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, seconds);
}
