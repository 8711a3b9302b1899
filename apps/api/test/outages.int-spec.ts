import { registerUser } from './support/accounts';
import { eventually } from './support/eventually';
import { httpClient, type HttpClient, type HttpResult } from './support/http';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, type TestApp } from './support/test-app';
import { testEnv } from './support/test-env';

/**
 * With PostgreSQL or Redis unreachable, the API says so: 503 with
 * Retry-After and the usual error body, never a 500 — and it recovers by
 * itself when the dependency is back.
 */
describe('dependency outages', () => {
  let api: TestApp;
  let http: HttpClient;
  let postgres: TcpProxy;
  let redis: TcpProxy;
  let token: string;

  beforeAll(async () => {
    const run = testEnv();
    const db = new URL(run.databaseUrl);
    const cache = new URL(run.redisUrl);
    postgres = await startTcpProxy(db.hostname, Number(db.port || 5432));
    redis = await startTcpProxy(cache.hostname, Number(cache.port || 6379));
    db.host = `127.0.0.1:${postgres.port}`;
    cache.host = `127.0.0.1:${redis.port}`;
    api = await startTestApp({ DATABASE_URL: db.toString(), REDIS_URL: cache.toString() });
    http = httpClient(api.url);
    token = (await registerUser(api.url, 'outage')).accessToken;
  });

  afterAll(async () => {
    postgres?.restore();
    redis?.restore();
    await api?.close();
    await postgres?.close();
    await redis?.close();
  });

  const expectUnavailable = (response: HttpResult<{ code?: string; message?: string; requestId?: string }>) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.body.message).toMatch(/try again/i);
    expect(response.body.requestId).toBeTruthy();
  };

  it('answers reads and writes with 503 and Retry-After while PostgreSQL is unreachable, then recovers', async () => {
    postgres.cut();
    try {
      expectUnavailable(await http.get('/api/stories', { token }));
      expectUnavailable(await http.post('/api/game/sessions', { token, body: { scenarioId: '00000000-0000-4000-8000-000000000000' } }));
      expectUnavailable(await http.get('/api/auth/me', { token }));
      expect((await http.get('/api/health/ready')).status).toBe(503);
    } finally {
      postgres.restore();
    }
    await eventually(async () => expect((await http.get('/api/stories', { token })).status).toBe(200), { tries: 100, intervalMs: 100 });
  });

  it('answers with 503 and Retry-After while Redis is unreachable, then recovers', async () => {
    redis.cut();
    try {
      // A login checks its throttle in Redis first.
      expectUnavailable(await http.post('/api/auth/login', { body: { email: 'nobody@example.test', password: 'whatever 1' } }));
      expectUnavailable(await http.get('/api/auth/quota', { token }));
    } finally {
      redis.restore();
    }
    await eventually(async () => expect((await http.get('/api/auth/quota', { token })).status).toBe(200), { tries: 100, intervalMs: 100 });
  });
});
