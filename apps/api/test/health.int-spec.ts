import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('health, metrics, docs and configuration', () => {
  let app: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.url);
  });
  afterAll(() => app.close());

  it('answers liveness without a token', async () => {
    const response = await http.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('reports readiness with PostgreSQL and Redis checked', async () => {
    const response = await http.get('/api/health/ready');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ready');
    expect(response.body.checks.database.status).toBe('up');
    expect(response.body.checks.redis.status).toBe('up');
  });

  it('exposes Prometheus metrics outside /api, including request timings', async () => {
    await http.get('/api/health');
    const response = await http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.body).toContain('storyos_http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/api/health"');
  });

  it('serves an OpenAPI document generated from the contracts', async () => {
    const response = await http.get('/api/docs/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/health/ready']));
    const schemas = JSON.stringify(response.body.components.schemas);
    expect(schemas).toContain('displayName');
  });

  it('gives every response a request id and echoes a caller-supplied one', async () => {
    const generated = await http.get('/api/auth/me');
    expect(generated.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    expect(generated.body.requestId).toBe(generated.headers.get('x-request-id'));
    const echoed = await http.get('/api/auth/me', { headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-12345');
    expect(echoed.body.requestId).toBe('trace-abc-12345');
  });

  it('answers liveness early exactly as the documented route does', async () => {
    const early = await http.get('/api/health?probe=1');
    const routed = await http.get('/api/health/'); // not the exact spelling: Nest's router answers it
    expect(early.status).toBe(200);
    expect(routed.status).toBe(200);
    const { uptimeSeconds, ...body } = early.body;
    expect(typeof uptimeSeconds).toBe('number');
    expect(routed.body).toEqual({ ...body, uptimeSeconds: expect.any(Number) });
    const varying = new Set(['date', 'x-request-id', 'content-length', 'etag', 'keep-alive', 'connection']);
    const headers = (response: typeof early) => Object.fromEntries([...response.headers].filter(([name]) => !varying.has(name)));
    expect(headers(early)).toEqual(headers(routed));
    const head = await http.send('HEAD', '/api/health');
    expect(head.status).toBe(200);
    const refused = await http.send('POST', '/api/health', { body: {} });
    expect(refused.status).toBe(404);
  });

  it('sets security headers on answers, refusals and unread bodies alike', async () => {
    const answers = [
      await http.get('/api/health'),
      await http.get('/api/health/ready'),
      await http.get('/api/auth/me'),
      await http.send('POST', '/api/auth/login', { rawBody: '{"email":', headers: { 'content-type': 'application/json' } }),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 401, 400]);
    for (const response of answers) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' ws: wss:");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('allows CORS only for listed origins', async () => {
    const allowed = await http.send('OPTIONS', '/api/auth/login', { headers: { origin: 'http://allowed.test', 'access-control-request-method': 'POST' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://allowed.test');
    const refused = await http.send('OPTIONS', '/api/auth/login', { headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const probe = await http.get('/api/health', { headers: { origin: 'http://allowed.test' } });
    expect(probe.headers.get('access-control-allow-origin')).toBe('http://allowed.test');
    const foreignProbe = await http.get('/api/health', { headers: { origin: 'http://evil.test' } });
    expect(foreignProbe.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses to start with a bad configuration and lists every problem', () => {
    const result = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
      env: { PATH: process.env['PATH'], PORT: 'eighty', QUOTA_USER_DAILY: 'lots' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('QUOTA_USER_DAILY');
    expect(result.stderr).not.toMatch(/at \w+ \(/); // no stack trace
  });
});
