import type { Role, UserType } from '@storyos/contracts';

/** Generations allowed per UTC day; null means unlimited. */
export type DailyQuotaLimits = Record<UserType, number | null>;

export interface QuotaWindow {
  /** The UTC day the usage counts against, `YYYY-MM-DD`. */
  day: string;
  resetsAt: Date;
  secondsUntilReset: number;
}

export type QuotaDecision =
  | { allowed: true; remaining: number | null }
  | { allowed: false; retryAfterSeconds: number };

export function userTypeOf(account: { role: Role; isGuest: boolean }): UserType {
  if (account.role === 'admin') return 'admin';
  return account.isGuest ? 'guest' : 'user';
}

/** Quotas reset at midnight UTC, the same moment for every user. */
export function quotaWindow(now: Date): QuotaWindow {
  const resetsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return {
    day: now.toISOString().slice(0, 10),
    resetsAt,
    secondsUntilReset: Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Decides whether one more generation fits, given the usage counted with it. */
export function decideQuota(limit: number | null, usedIncludingThis: number, window: QuotaWindow): QuotaDecision {
  if (limit === null) return { allowed: true, remaining: null };
  if (usedIncludingThis > limit) return { allowed: false, retryAfterSeconds: window.secondsUntilReset };
  return { allowed: true, remaining: limit - usedIncludingThis };
}

/**
 * When the allowance comes back, in words for people: "at midnight UTC, in
 * 3 h" (or "in 45 min" when it is close), never a timestamp.
 */
export function describeQuotaReset(resetsAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 60_000));
  const wait = minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
  return `at midnight UTC, in ${wait}`;
}
