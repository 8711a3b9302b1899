import { ApiError } from './api-error';
import { refreshSession } from './http';
import { sessionStore } from './session-store';

const withToken = (init: RequestInit | undefined, token: string | null): RequestInit => {
  const headers = new Headers(init?.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
};

/**
 * fetch with the access token, refreshed once on 401 like every other call;
 * a refusal becomes an ApiError, so the chat shows the server's plain words
 * (the daily limit, a read-only chat) rather than a JSON body.
 */
export const authorizedFetch: typeof fetch = async (input, init) => {
  const token = sessionStore.getAccessToken();
  let response = await fetch(input, withToken(init, token));
  if (response.status === 401 && token) {
    const fresh = (await refreshSession())?.accessToken;
    if (fresh) response = await fetch(input, withToken(init, fresh));
  }
  if (response.ok || response.status === 204) return response;
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's page: ApiError words it.
  }
  throw ApiError.fromBody(response.status, body);
};
