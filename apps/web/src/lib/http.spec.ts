import type { AuthSession } from '@storyos/contracts';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import { http, restoreSession } from './http';
import { sessionStore } from './session-store';

interface FakeResponse {
  status: number;
  ok: boolean;
  text: () => Promise<string>;
}

const respond = (status: number, body?: unknown): FakeResponse => ({
  status,
  ok: status >= 200 && status < 300,
  text: async () => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
});

const sessionWith = (accessToken: string): AuthSession => ({
  user: {
    id: '7d3f1c1e-8f7a-4d54-9b1e-0a4c7f5f1d2a',
    email: 'ada@example.com',
    displayName: 'Ada',
    role: 'user',
    isGuest: false,
    createdAt: '2025-01-01T00:00:00.000Z',
  },
  accessToken,
  accessTokenExpiresAt: '2025-01-01T00:15:00.000Z',
});

const fetchMock = jest.fn<Promise<FakeResponse>, [string, RequestInit]>();
const headersOf = (call: [string, RequestInit] | undefined) => (call?.[1].headers ?? {}) as Record<string, string>;
const callsTo = (path: string) => fetchMock.mock.calls.filter(([url]) => url === path);

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
  sessionStore.reset();
});

describe('http error handling', () => {
  it('turns an API error body into an ApiError carrying the server message, details and request id', async () => {
    fetchMock.mockResolvedValue(
      respond(400, {
        code: 'VALIDATION_FAILED',
        message: 'Some fields need attention.',
        details: [{ path: 'password', message: 'Password is too weak' }],
        requestId: 'req-42',
      }),
    );

    const error = await http.post('/api/auth/register', { email: 'a@b.c' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Some fields need attention.',
      status: 400,
      requestId: 'req-42',
    });
    expect((error as ApiError).fieldErrors()).toEqual({ password: 'Password is too weak' });
  });

  it('explains an unreachable server in plain words', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(http.get('/api/auth/me')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
      message: NETWORK_ERROR_MESSAGE,
    });
  });

  it('still gives a readable error when a proxy answers with an HTML page', async () => {
    fetchMock.mockResolvedValue(respond(502, '<html>Bad gateway</html>'));

    await expect(http.get('/api/health')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      status: 502,
      message: 'The StoryOS server is not available right now. Please try again in a moment.',
    });
  });

  it('returns the body of a status the caller declared acceptable', async () => {
    const report = { status: 'not_ready', checks: { database: { status: 'down' }, redis: { status: 'up' } } };
    fetchMock.mockResolvedValue(respond(503, report));

    await expect(http.get('/api/health/ready', { acceptStatuses: [503] })).resolves.toEqual(report);
  });
});

describe('http authentication', () => {
  it('sends the in-memory access token as a bearer token', async () => {
    sessionStore.setSession(sessionWith('token-1'));
    fetchMock.mockResolvedValue(respond(200, { ok: true }));

    await http.get('/api/auth/me');

    expect(headersOf(fetchMock.mock.calls[0])['Authorization']).toBe('Bearer token-1');
  });

  it('asks for cookie transport with credentials on auth-flow calls and does not refresh on their 401', async () => {
    fetchMock.mockResolvedValue(respond(401, { code: 'UNAUTHENTICATED', message: 'Email or password is wrong.' }));

    await expect(
      http.post('/api/auth/login', { email: 'a@b.c', password: 'x' }, { authFlow: true }),
    ).rejects.toMatchObject({ message: 'Email or password is wrong.', status: 401 });

    const [, init] = fetchMock.mock.calls[0]!;
    expect(init.credentials).toBe('include');
    expect(headersOf(fetchMock.mock.calls[0])['x-refresh-transport']).toBe('cookie');
    expect(callsTo('/api/auth/refresh')).toHaveLength(0);
  });

  it('refreshes once for concurrent 401s and retries every call with the new token', async () => {
    sessionStore.setSession(sessionWith('stale'));
    let finishRefresh: (response: FakeResponse) => void = () => undefined;
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/auth/refresh') return new Promise<FakeResponse>((resolve) => (finishRefresh = resolve));
      const auth = (init.headers as Record<string, string>)['Authorization'];
      return auth === 'Bearer fresh' ? respond(200, { url }) : respond(401, { code: 'UNAUTHENTICATED', message: 'Expired' });
    });

    const calls = Promise.all([http.get('/api/auth/me'), http.get('/api/auth/quota'), http.get('/api/things')]);
    // Let all three 401s arrive while the single refresh is still pending.
    await new Promise((resolve) => setTimeout(resolve, 0));
    finishRefresh(respond(200, sessionWith('fresh')));

    await expect(calls).resolves.toEqual([{ url: '/api/auth/me' }, { url: '/api/auth/quota' }, { url: '/api/things' }]);
    expect(callsTo('/api/auth/refresh')).toHaveLength(1);
    expect(headersOf(callsTo('/api/auth/refresh')[0])['x-refresh-transport']).toBe('cookie');
    expect(sessionStore.getAccessToken()).toBe('fresh');
  });

  it('clears the session and surfaces the 401 when the refresh is refused', async () => {
    sessionStore.setSession(sessionWith('stale'));
    fetchMock.mockImplementation(async (url) =>
      url === '/api/auth/refresh'
        ? respond(401, { code: 'REFRESH_TOKEN_REUSED', message: 'Please sign in again.' })
        : respond(401, { code: 'UNAUTHENTICATED', message: 'Your session has expired.' }),
    );

    await expect(http.get('/api/auth/me')).rejects.toMatchObject({ status: 401, message: 'Your session has expired.' });

    expect(sessionStore.getSnapshot()).toEqual({ status: 'anonymous', session: null, endReason: 'expired' });
    expect(callsTo('/api/auth/me')).toHaveLength(1);
  });

  it('does not try to refresh a 401 for a visitor who never had a token', async () => {
    sessionStore.clear(null);
    fetchMock.mockResolvedValue(respond(401, { code: 'UNAUTHENTICATED', message: 'Sign in first.' }));

    await expect(http.get('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(callsTo('/api/auth/refresh')).toHaveLength(0);
  });
});

describe('restoring the session on page load', () => {
  beforeEach(() => {
    document.cookie = 'storyos_session=1; path=/';
  });
  afterEach(() => {
    document.cookie = 'storyos_session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('does not ask at all when the server left no sign of a session, so a signed-out page logs no 401', async () => {
    document.cookie = 'storyos_session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    await restoreSession();
    expect(callsTo('/api/auth/refresh')).toHaveLength(0);
    expect(sessionStore.getSnapshot()).toEqual({ status: 'anonymous', session: null, endReason: null });
  });

  it('restores the session the refresh cookie still holds', async () => {
    fetchMock.mockResolvedValue(respond(200, sessionWith('restored')));

    await restoreSession();

    expect(sessionStore.getSnapshot().status).toBe('authenticated');
    expect(sessionStore.getAccessToken()).toBe('restored');
  });

  it('settles as signed out, without an "expired" notice, when there is no valid cookie', async () => {
    fetchMock.mockResolvedValue(respond(401, { code: 'UNAUTHENTICATED', message: 'No refresh token.' }));

    await restoreSession();

    expect(sessionStore.getSnapshot()).toEqual({ status: 'anonymous', session: null, endReason: null });
  });
});
