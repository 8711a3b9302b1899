export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest a provider's Retry-After is honoured for. */
  maxRetryAfterMs: number;
}

/**
 * How long to wait before retry number `retryIndex` (0 for the first): the
 * provider's Retry-After when it sent one, else exponential backoff with
 * jitter so that many workers do not retry in step.
 */
export function retryDelayMs(retryIndex: number, retryAfterMs: number | undefined, options: BackoffOptions): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxRetryAfterMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Waits, unless the signal aborts first; resolves false when it did. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
