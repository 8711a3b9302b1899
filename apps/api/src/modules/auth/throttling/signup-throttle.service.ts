import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectRedis } from '../../../core/redis/redis.module';
import { consumeAll } from './retry-after';

/**
 * New accounts per client address and window: each guest starts with a fresh
 * daily generation allowance, so unthrottled guests would make the quota moot.
 */
@Injectable()
export class SignupThrottle {
  private readonly guests: RateLimiterRedis;
  private readonly registrations: RateLimiterRedis;

  constructor(@InjectRedis() redis: Redis, @InjectConfig() config: AppConfig) {
    const { windowSeconds, maxGuestsPerIp, maxRegistrationsPerIp } = config.auth.signup;
    const base = { storeClient: redis, duration: windowSeconds };
    this.guests = new RateLimiterRedis({ ...base, keyPrefix: `${config.redis.prefix}:signup:guest`, points: maxGuestsPerIp });
    this.registrations = new RateLimiterRedis({ ...base, keyPrefix: `${config.redis.prefix}:signup:register`, points: maxRegistrationsPerIp });
  }

  admitGuest(address: string): Promise<void> {
    return consumeAll([this.guests.consume(address)], 'Too many guest sessions were started from your network.');
  }

  admitRegistration(address: string): Promise<void> {
    return consumeAll([this.registrations.consume(address)], 'Too many new accounts were requested from your network.');
  }
}
