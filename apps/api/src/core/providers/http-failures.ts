import { ProviderError } from '@storyos/domain';

/** An HTTP error answer from a provider (text, images, speech, transcription), with what a retry needs to know. */
export class ProviderHttpError extends ProviderError {
  constructor(
    message: string,
    retryable: boolean,
    readonly status: number,
    /** From the Retry-After header, when the provider sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message, retryable);
  }
}

export const DROPPED_MID_REPLY = "The provider's connection dropped mid-reply";

/** An error answer as read: the status, the provider's own message and code, and its JSON. */
export interface ErrorBody {
  status: number;
  message: string;
  code: string;
  json: unknown;
}

/** A provider family's own reading of an error answer (e.g. "the prompt was too long"), before the generic one. */
export type ErrorRule = (body: ErrorBody) => ProviderError | null;

/** An error answer as it arrived: a fetch `Response`, or an undici `request` answer seen through `undiciAnswer`. */
export interface ProviderAnswer {
  status: number;
  statusText?: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Turns an error answer into a message a user can act on; never a stack trace or raw body dump. */
export async function failureFromResponse(response: ProviderAnswer, model: string, rules: readonly ErrorRule[] = []): Promise<ProviderError> {
  const { status } = response;
  const raw = await response.text().catch(() => '');
  const { message, code } = errorDetails(raw);
  const body: ErrorBody = { status, message, code, json: parseJson(raw) };
  for (const rule of rules) {
    const failure = rule(body);
    if (failure) return failure;
  }
  const retryable = status === 408 || status === 429 || status >= 500;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  if (status >= 300 && status < 400) {
    // Followed by no one: a provider's address that moves is a setting to correct, not a request to send twice.
    const location = response.headers.get('location');
    return new ProviderHttpError(`The provider's address moved (${status}${location ? ` to ${location}` : ''}); point the provider setting at the new address.`, false, status);
  }
  if (status === 401 || status === 403) {
    return new ProviderHttpError(`The provider rejected the API key (${status}).`, false, status);
  }
  if (status === 404 || (!retryable && mentionsUnknownModel(message, code, model))) {
    return new ProviderHttpError(`The provider does not know the model "${model}".`, false, status);
  }
  if (status === 400 && message) return new ProviderHttpError(message, false, status);
  const reason = message || response.statusText || 'no details';
  return new ProviderHttpError(`The provider answered ${status}: ${reason}`, retryable, status, retryAfterMs);
}

/** A readable reason for a failed connection: fetch hides the socket error in `cause`; undici's `request` throws it. */
export function networkFailure(error: unknown, context: 'connect' | 'before-reply' | 'mid-reply'): ProviderError {
  if (error instanceof ProviderError) return error;
  if (context === 'mid-reply') return new ProviderError(DROPPED_MID_REPLY, true);
  const failure = error as { code?: unknown; cause?: { code?: unknown; message?: unknown } } | undefined;
  const cause = failure?.cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof failure?.code === 'string' ? failure.code : typeof cause?.message === 'string' ? cause.message : String(error);
  return context === 'connect'
    ? new ProviderError(`The provider could not be reached (${detail}).`, true)
    : new ProviderError(`The provider's connection dropped before it replied (${detail}).`, true);
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function errorDetails(body: string): { message: string; code: string } {
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown };
    const error = json.error;
    if (typeof error === 'string') return { message: error, code: '' };
    if (error && typeof error === 'object') {
      const { message, code } = error as { message?: unknown; code?: unknown };
      return { message: typeof message === 'string' ? message : '', code: typeof code === 'string' ? code : '' };
    }
    if (typeof json.message === 'string') return { message: json.message, code: '' };
  } catch {
    // Not JSON: a proxy's HTML page or plain text; show its start only.
  }
  return { message: body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200), code: '' };
}

function mentionsUnknownModel(message: string, code: string, model: string): boolean {
  if (/model_not_found/i.test(code)) return true;
  const namesModel = message.includes(model) || /\bmodel\b/i.test(message);
  return namesModel && /not (be )?found|does not exist|doesn't exist|unknown|not a valid|invalid model|no such model/i.test(message);
}
