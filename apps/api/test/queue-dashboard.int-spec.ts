import { getQueueToken } from '@nestjs/bullmq';
import { JwtService } from '@nestjs/jwt';
import { QUEUE_NAMES, type AuthSession, type QueueDashboardAccess } from '@storyos/contracts';
import { Worker, type Queue } from 'bullmq';
import { dashboardKey } from '../src/modules/system/queue-dashboard/queue-dashboard-access.module';
import { login, registerUser } from './support/accounts';
import { decodeJwtPayload, expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

const ADMIN = { email: 'queues-admin@example.test', password: 'queues admin pass 1' };
const DASHBOARD = '/api/admin/queues';
const COOKIE = 'storyos_queue_dashboard';
const AUDIENCE = 'storyos:queue-dashboard';

interface BoardQueue {
  name: string;
  readOnlyMode: boolean;
  counts: Record<string, number>;
  /** `attempts` is how many were made; `stacktrace` holds one entry per failed attempt. */
  jobs: { id: string; name: string; attempts: number; failedReason?: string; stacktrace: string[] }[];
}

/** The name=value of the dashboard cookie a response sets, and the attributes it was set with. */
function dashboardCookieOf(response: { headers: Headers }): { value: string; attributes: string[] } | null {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: pair!.slice(COOKIE.length + 1), attributes };
}

/** A token signed like the API's, with the claims a test needs (someone else's account, or one long expired). */
const signedCookie = (claims: Record<string, unknown>, secret = dashboardKey(TEST_JWT_SECRET)): string => new JwtService({ secret }).sign({ aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600, ...claims });

/** bull-board behind admin auth: a cookie from an admin-only API call opens it; nothing else does. */
describe('the queue dashboard', () => {
  let api: TestApp;
  let http: HttpClient;
  let admin: AuthSession;
  let writer: AuthSession;

  const grant = async (session: AuthSession) => http.post<QueueDashboardAccess>('/api/admin/queue-dashboard/access', { token: session.accessToken });
  const withCookie = (value: string) => ({ headers: { cookie: `${COOKIE}=${value}` } });
  const adminCookie = async (): Promise<string> => {
    const response = await grant(admin);
    expect(response.status).toBe(200);
    return dashboardCookieOf(response)!.value;
  };

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    http = httpClient(api.url);
    admin = await login(api.url, ADMIN.email, ADMIN.password);
    writer = await registerUser(api.url, 'queues-writer');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('gives an admin a short-lived, httpOnly, SameSite=strict cookie scoped to the dashboard', async () => {
    const response = await grant(admin);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ url: `${DASHBOARD}/`, expiresAt: expect.any(String) });
    const lifetime = Date.parse(response.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(api.config.auth.accessTokenTtlSeconds * 1000);
    const cookie = dashboardCookieOf(response);
    expect(cookie?.value).toBeTruthy();
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', `Path=${DASHBOARD}`, expect.stringMatching(/^Expires=/)]));
  });

  it('serves the admin the dashboard page, its assets and its queue API, listing every queue read-only', async () => {
    const cookie = await adminCookie();
    const page = await http.get<string>(`${DASHBOARD}/`, withCookie(cookie));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('StoryOS queues');
    // The page's assets and API calls are relative to its base: it must be where the page is.
    expect(page.body).toContain(`<base href="${DASHBOARD}/" />`);
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await http.get(`${DASHBOARD}/${script}`, withCookie(cookie));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    const board = await http.get<{ queues: BoardQueue[] }>(`${DASHBOARD}/api/queues`, withCookie(cookie));
    expect(board.status).toBe(200);
    expect(board.body.queues.map((queue) => queue.name).sort()).toEqual(Object.values(QUEUE_NAMES).sort());
    expect(board.body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
  });

  it('shows a queue’s failed jobs with their retries and reasons', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QUEUE_NAMES.system));
    const job = await queue.add('deliver-ping', { probe: 'dashboard' }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    // A worker of this test's own that fails every attempt.
    const worker = new Worker(
      QUEUE_NAMES.system,
      async () => {
        throw new Error('The ping found no socket.');
      },
      { connection: { url: api.config.redis.url, maxRetriesPerRequest: null }, prefix: `${api.config.redis.prefix}:bull` },
    );
    try {
      await eventually(async () => expect(await job.isFailed()).toBe(true));
    } finally {
      await worker.close();
    }

    const cookie = await adminCookie();
    const board = await http.get<{ queues: BoardQueue[] }>(`${DASHBOARD}/api/queues?activeQueue=${QUEUE_NAMES.system}&status=failed&page=1`, withCookie(cookie));
    expect(board.status).toBe(200);
    const system = board.body.queues.find((entry) => entry.name === QUEUE_NAMES.system)!;
    expect(system.counts['failed']).toBe(1);
    expect(system.jobs).toEqual([expect.objectContaining({ id: job.id, name: 'deliver-ping', attempts: 2, failedReason: 'The ping found no socket.' })]);
    expect(system.jobs[0]!.stacktrace).toHaveLength(2);

    // Read-only: the board refuses to retry it.
    const retry = await http.send('PUT', `${DASHBOARD}/api/queues/${QUEUE_NAMES.system}/${job.id}/retry/failed`, withCookie(cookie));
    expect(retry.status).toBeGreaterThanOrEqual(400);
    expect(await job.isFailed()).toBe(true);
  });

  it('refuses the dashboard without the cookie: page, assets and API alike', async () => {
    for (const path of [`${DASHBOARD}/`, `${DASHBOARD}/static/js/anything.js`, `${DASHBOARD}/api/queues`]) {
      const response = await http.get(path);
      expectError(response, 401, 'UNAUTHENTICATED');
      expect(response.body.message).toMatch(/System page/);
    }
    // A bearer token is not how the page is opened either.
    expectError(await http.get(`${DASHBOARD}/api/queues`, { token: admin.accessToken }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a user the cookie, and a user’s own signed cookie the dashboard', async () => {
    const response = await grant(writer);
    expectError(response, 403, 'FORBIDDEN');
    expect(dashboardCookieOf(response)).toBeNull();
    expectError(await http.post('/api/admin/queue-dashboard/access'), 401, 'UNAUTHENTICATED');

    const { sub, sid } = decodeJwtPayload(writer.accessToken);
    expectError(await http.get(`${DASHBOARD}/api/queues`, withCookie(signedCookie({ sub, sid }))), 403, 'FORBIDDEN');
  });

  it('refuses an expired, forged or access-token cookie', async () => {
    const { sub, sid } = decodeJwtPayload(admin.accessToken);
    const expired = await http.get(`${DASHBOARD}/api/queues`, withCookie(signedCookie({ sub, sid, exp: Math.floor(Date.now() / 1000) - 60 })));
    expectError(expired, 401, 'UNAUTHENTICATED');
    expect(expired.body.message).toMatch(/open too long/);

    const tampered = `${(await adminCookie()).slice(0, -4)}AAAA`;
    const forged = [tampered, signedCookie({ sub, sid }, TEST_JWT_SECRET), admin.accessToken, signedCookie({ sub, sid, aud: 'someone-else' }), 'not-a-token'];
    for (const value of forged) expectError(await http.get(`${DASHBOARD}/api/queues`, withCookie(value)), 401, 'UNAUTHENTICATED');

    // And the cookie's token is no access token.
    expectError(await http.get('/api/auth/me', { token: await adminCookie() }), 401, 'UNAUTHENTICATED');
  });

  it('closes with the sign-in session it was opened from', async () => {
    const session = await login(api.url, ADMIN.email, ADMIN.password);
    const response = await grant(session);
    const cookie = dashboardCookieOf(response)!.value;
    expect((await http.get(`${DASHBOARD}/api/queues`, withCookie(cookie))).status).toBe(200);

    expect((await http.post('/api/auth/logout', { body: { refreshToken: session.refreshToken } })).status).toBe(204);
    const after = await http.get(`${DASHBOARD}/api/queues`, withCookie(cookie));
    expectError(after, 401, 'UNAUTHENTICATED');
    expect(after.body.message).toMatch(/session has ended/);
  });

  it('is no part of the OpenAPI document; only the route that opens it is', async () => {
    const doc = await http.get<{ paths: Record<string, unknown> }>('/api/docs/openapi.json');
    const paths = Object.keys(doc.body.paths);
    expect(paths).toContain('/api/admin/queue-dashboard/access');
    expect(paths.filter((path) => path.startsWith(DASHBOARD))).toEqual([]);
  });
});
