import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectRedis } from '../../../core/redis/redis.module';
import { AccountSlowdown } from './account-slowdown';
import { consumeAll, tooManyAttempts } from './retry-after';

/**
 * Sign-in throttling that an attacker cannot turn against the owner.
 *
 * Every attempt counts, up front (so parallel requests cannot slip past),
 * against its address and its (account, address) pair; a success gives the
 * points back. When either is full, that address — not the account — is
 * refused for the window. The account as a whole is only ever slowed down:
 * past a few failed checks, its checks are spaced out (see AccountSlowdown).
 */
@Injectable()
export class LoginThrottle {
  private readonly perAddress: RateLimiterRedis;
  private readonly perAccountAndAddress: RateLimiterRedis;
  /** Failed or still-running checks per account; never blocks, it only sets the spacing. */
  private readonly accountChecks: RateLimiterRedis;
  private readonly slowdown: AccountSlowdown;

  constructor(@InjectRedis() redis: Redis, @InjectConfig() config: AppConfig) {
    const { maxFailuresPerIp, maxFailuresPerAccountAndIp, failureWindowSeconds, slowdown } = config.auth.login;
    const prefix = `${config.redis.prefix}:login`;
    const window = { storeClient: redis, duration: failureWindowSeconds };
    this.perAddress = new RateLimiterRedis({ ...window, blockDuration: failureWindowSeconds, keyPrefix: `${prefix}:address`, points: maxFailuresPerIp });
    this.perAccountAndAddress = new RateLimiterRedis({ ...window, blockDuration: failureWindowSeconds, keyPrefix: `${prefix}:pair`, points: maxFailuresPerAccountAndIp });
    this.accountChecks = new RateLimiterRedis({ ...window, keyPrefix: `${prefix}:account`, points: Number.MAX_SAFE_INTEGER });
    this.slowdown = new AccountSlowdown(redis, `${prefix}:turn`, slowdown);
  }

  /** Lets one attempt check the password (perhaps after waiting its turn), or refuses it with 429 and Retry-After. */
  async admit(email: string, address: string): Promise<void> {
    await consumeAll([this.perAddress.consume(address), this.perAccountAndAddress.consume(pairKey(email, address))], 'Too many failed sign-in attempts.');
    const { consumedPoints } = await this.accountChecks.consume(email);
    const turn = await this.slowdown.waitForTurn(email, consumedPoints);
    if (!turn.admitted) {
      // Not checked, so not a guess: only real checks make the spacing grow.
      await this.accountChecks.reward(email);
      throw tooManyAttempts('This account has had many failed sign-in attempts, so sign-ins to it are slowed down.', turn.retryAfterMs);
    }
  }

  /** The right password: this attempt no longer counts, and the pair starts afresh. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([this.perAddress.reward(address), this.perAccountAndAddress.delete(pairKey(email, address)), this.accountChecks.reward(email)]);
  }
}

const pairKey = (email: string, address: string): string => `${email}|${address}`;
