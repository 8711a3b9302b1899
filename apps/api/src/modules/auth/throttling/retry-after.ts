import { RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../../core/errors/app-error';

/** A 429 whose message ends with the wait in plain words ("in 15 minutes", "in 20 seconds"). */
export function tooManyAttempts(message: string, msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return AppError.tooManyRequests('RATE_LIMITED', `${message} Try again in ${waitInWords(seconds)}.`, seconds);
}

export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Runs the limiters together; when any is full, refuses with the longest wait among them. */
export async function consumeAll(consumes: Promise<RateLimiterRes>[], message: string): Promise<void> {
  const results = await Promise.allSettled(consumes);
  const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  const unexpected = refusals.find((reason) => !(reason instanceof RateLimiterRes));
  if (unexpected) throw unexpected;
  if (refusals.length) throw tooManyAttempts(message, Math.max(...refusals.map((reason) => (reason as RateLimiterRes).msBeforeNext)));
}
