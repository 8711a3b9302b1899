import type Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SlowdownSettings {
  /** Failed checks an account may collect (within the window) before checks are spaced out. */
  afterFailures: number;
  /** Spacing after the first failure past the allowance; it doubles with each further one. */
  baseDelayMs: number;
  /** Largest spacing, and the longest an attempt waits for its turn before it is refused instead. */
  maxDelayMs: number;
}

/** How far apart an account's password checks must be, given its failed (or pending) checks including this one. */
export function slowdownSpacingMs(failures: number, settings: SlowdownSettings): number {
  const over = failures - settings.afterFailures;
  if (over <= 0) return 0;
  return Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (over - 1));
}

/**
 * Atomically takes the account's next free check time (Redis clock, so every
 * API process agrees) and pushes it `spacing` further; refuses without
 * taking it when it lies more than `maxWait` ahead. Returns [taken, waitMs].
 */
const TAKE_TURN = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local turn = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local wait = turn - now
if wait > tonumber(ARGV[2]) then return {0, wait} end
redis.call('SET', KEYS[1], turn + tonumber(ARGV[1]), 'PX', wait + tonumber(ARGV[1]))
return {1, wait}
`;

export type Turn = { admitted: true } | { admitted: false; retryAfterMs: number };

/**
 * The account-wide brake on password guessing. It never locks the account:
 * each attempt queues for the next turn and the server waits until then, so
 * the owner signs in after at most `maxDelayMs`, while guesses from any number
 * of addresses get one check per turn.
 */
export class AccountSlowdown {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly settings: SlowdownSettings,
  ) {}

  async waitForTurn(account: string, failures: number): Promise<Turn> {
    const spacing = slowdownSpacingMs(failures, this.settings);
    if (spacing === 0) return { admitted: true };
    const [taken, waitMs] = (await this.redis.eval(TAKE_TURN, 1, `${this.keyPrefix}:${account}`, spacing, this.settings.maxDelayMs)) as [number, number];
    if (!taken) return { admitted: false, retryAfterMs: waitMs - this.settings.maxDelayMs };
    if (waitMs > 0) await sleep(waitMs);
    return { admitted: true };
  }
}
