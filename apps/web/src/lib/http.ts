import { type AuthSession, REFRESH_TRANSPORT_HEADER, SESSION_HINT_COOKIE_NAME } from '@storyos/contracts';
import { ApiError } from './api-error';
import { sessionStore } from './session-store';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /**
   * Login, register, guest, upgrade, refresh and logout: they carry the
   * httpOnly refresh cookie and ask the API to keep the refresh token there.
   * A 401 from them is an answer (wrong password), not a stale access token.
   */
  authFlow?: boolean;
  /** Refresh and retry once on 401. Defaults to true for ordinary calls, false for auth-flow calls. */
  refreshOn401?: boolean;
  /** Statuses whose body is the answer rather than an error (readiness reports 503 with its checks). */
  acceptStatuses?: readonly number[];
  signal?: AbortSignal;
}

const REFRESH_PATH = '/api/auth/refresh';

function buildInit(options: RequestOptions, token: string | null): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (options.authFlow) headers[REFRESH_TRANSPORT_HEADER] = 'cookie';
  return {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: options.authFlow ? 'include' : 'same-origin',
    signal: options.signal,
  };
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  try {
    return await fetch(path, buildInit(options, token));
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw ApiError.network();
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

let refreshInFlight: Promise<AuthSession | null> | null = null;

/**
 * Trades the refresh cookie for a new session. Single-flight: the API rotates
 * the cookie on every refresh and treats a reused one as theft, so concurrent
 * callers must share one request rather than race each other.
 * Resolves null when the server refuses; rejects with ApiError when unreachable.
 */
export function refreshSession(): Promise<AuthSession | null> {
  refreshInFlight ??= (async () => {
    try {
      const response = await send(REFRESH_PATH, { method: 'POST', body: {}, authFlow: true }, null);
      if (!response.ok) return null;
      const session = (await readJson(response)) as AuthSession;
      sessionStore.setSession(session);
      return session;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

/** Whether the server said a session may be restored (its readable hint cookie, set and cleared with the refresh cookie). */
function mayHaveSession(): boolean {
  return document.cookie.split(';').some((cookie) => cookie.trim().startsWith(`${SESSION_HINT_COOKIE_NAME}=`));
}

/**
 * On page load: bring back the session the cookie still holds, or settle as
 * signed out without fuss — and without asking at all when there is
 * nothing to restore, so a signed-out page logs no 401.
 */
export async function restoreSession(): Promise<void> {
  if (!mayHaveSession()) {
    sessionStore.clear(null);
    return;
  }
  try {
    const session = await refreshSession();
    if (!session) sessionStore.clear(null);
  } catch {
    sessionStore.clear(null);
  }
}

/**
 * The one way the app calls the API. Attaches the access token; when a
 * non-auth call is refused with 401 it refreshes once and retries; when that
 * refresh is refused the session is cleared, which sends the user to /login.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = sessionStore.getAccessToken();
  let response = await send(path, options, token);

  const refreshOn401 = options.refreshOn401 ?? !options.authFlow;
  if (response.status === 401 && refreshOn401 && token) {
    const current = sessionStore.getAccessToken();
    // Another call may already have refreshed while this one was in flight.
    const fresh = current && current !== token ? current : (await refreshSession())?.accessToken;
    if (!fresh) {
      sessionStore.clear('expired');
      throw ApiError.fromBody(response.status, await readJson(response));
    }
    response = await send(path, options, fresh);
  }

  const body = await readJson(response);
  if (response.ok || options.acceptStatuses?.includes(response.status)) return body as T;
  throw ApiError.fromBody(response.status, body);
}

export const http = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body: unknown = {}, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown = {}, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body: unknown = {}, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};
