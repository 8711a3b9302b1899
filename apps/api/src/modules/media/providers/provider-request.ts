import { ProviderError } from '@storyos/domain';
import { AttemptController } from '../../../core/providers/attempt-controller';
import { failureFromResponse, networkFailure, ProviderHttpError } from '../../../core/providers/http-failures';
import { retryDelayMs, sleepUnlessAborted } from '../../../core/providers/retry-backoff';

/** The caller's signal fired: the work was stopped, not failed. */
export class ProviderAbortedError extends ProviderError {
  constructor() {
    super('The request was stopped.', false);
    this.name = 'ProviderAbortedError';
  }
}

export interface ProviderRequest<T> {
  url: string;
  /** A fresh body per attempt (a FormData cannot be sent twice). */
  init: () => { headers: Record<string, string>; body: string | FormData };
  model: string;
  /** One attempt, answer read in full, must finish within this. */
  timeoutMs: number;
  maxRetries: number;
  /** Reads the successful answer; its ProviderErrors are final, anything else thrown is retried like a dropped connection. */
  read: (response: Response, signal: AbortSignal) => Promise<T>;
  onRetry?: (retry: { retry: number; delayMs: number; reason: string }) => void;
  retryBaseDelayMs?: number;
}

/**
 * One POST to an OpenAI-compatible media endpoint (images, speech,
 * transcription): each attempt bounded by a deadline, retried with backoff
 * (or the provider's Retry-After) on 408/429/5xx, timeouts and dropped
 * connections, and stopped at once when the caller's signal aborts.
 */
export async function providerRequest<T>(request: ProviderRequest<T>, signal: AbortSignal): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt(request, signal);
    } catch (error) {
      if (signal.aborted) throw new ProviderAbortedError();
      const failure = error instanceof ProviderError ? error : networkFailure(error, 'before-reply');
      if (!failure.retryable || retry >= request.maxRetries) throw failure;
      const delayMs = retryDelayMs(retry, failure instanceof ProviderHttpError ? failure.retryAfterMs : undefined, {
        baseDelayMs: request.retryBaseDelayMs ?? 500,
        maxDelayMs: 8_000,
        maxRetryAfterMs: 30_000,
      });
      request.onRetry?.({ retry: retry + 1, delayMs, reason: failure.message });
      if (!(await sleepUnlessAborted(delayMs, signal))) throw new ProviderAbortedError();
    }
  }
}

async function attempt<T>(request: ProviderRequest<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) throw new ProviderAbortedError();
  const control = new AttemptController(signal);
  control.setDeadline(request.timeoutMs, () => new ProviderError(`The provider did not finish within ${Math.round(request.timeoutMs / 1000)}s.`, true));
  try {
    const { headers, body } = request.init();
    let response: Response;
    try {
      response = await fetch(request.url, { method: 'POST', headers, body, signal: control.signal });
    } catch (error) {
      throw control.timeoutError ?? networkFailure(error, 'connect');
    }
    if (!response.ok) throw await failureFromResponse(response, request.model);
    try {
      return await request.read(response, control.signal);
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw control.timeoutError ?? networkFailure(error, 'before-reply');
    }
  } catch (error) {
    throw control.timeoutError ?? error;
  } finally {
    control.close();
  }
}

export function authHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

/** `https://host/v1` + `/images/generations`, whether or not the base ends in a slash. */
export function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path}`;
}

/** Reads a body up to `limit` bytes; a larger one is a provider fault, not something to buffer. */
export async function readLimited(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body?.cancel();
    throw new ProviderError(`The provider sent ${declared} bytes, more than the ${limit} accepted.`, false);
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of response.body ?? []) {
    total += (part as Uint8Array).byteLength;
    if (total > limit) throw new ProviderError(`The provider sent more than the ${limit} bytes accepted.`, false);
    parts.push(part as Uint8Array);
  }
  return Buffer.concat(parts);
}
