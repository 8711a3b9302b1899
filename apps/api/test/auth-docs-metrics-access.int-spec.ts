import { expectError, loginAccount, registerAccount } from './support/auth-helpers';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const DOCS_PATHS = ['/api/docs', '/api/docs/openapi.json', '/api/docs-yaml'];
const ADMIN = { ADMIN_EMAIL: 'docs-admin@example.test', ADMIN_PASSWORD: 'docs admin pass 1' };
const METRICS_TOKEN = 'prometheus-scrape-token-0123456789';

describe('auth: who may read /api/docs and /metrics', () => {
  describe('in production, by default', () => {
    let app: TestApp;
    let http: HttpClient;

    beforeAll(async () => {
      app = await startTestApp({ NODE_ENV: 'production' });
      http = httpClient(app.url);
    });
    afterAll(() => app.close());

    it('serves neither the API documentation nor the metrics', async () => {
      for (const path of DOCS_PATHS) expect({ path, status: (await http.get(path)).status }).toEqual({ path, status: 404 });
      const metrics = await http.get('/metrics');
      expectError(metrics, 404, 'NOT_FOUND');
      expect(metrics.body.message).toBe('Metrics are not served here.');
    });
  });

  describe('API_DOCS_ACCESS=admin and METRICS_ACCESS=token', () => {
    let app: TestApp;
    let http: HttpClient;

    beforeAll(async () => {
      app = await startTestApp({ NODE_ENV: 'production', API_DOCS_ACCESS: 'admin', METRICS_ACCESS: 'token', METRICS_TOKEN, ...ADMIN });
      http = httpClient(app.url);
    });
    afterAll(() => app.close());

    it('refuses the documentation without a token (401) and to a signed-in non-admin (403)', async () => {
      const user = await registerAccount(http, 'docs-reader');
      for (const path of DOCS_PATHS) {
        const anonymous = await http.get(path);
        expectError(anonymous, 401, 'UNAUTHENTICATED');
        expect(anonymous.body.message).toMatch(/administrators/);
        expectError(await http.get(path, { token: user.session.accessToken }), 403, 'FORBIDDEN');
        expectError(await http.get(path, { token: 'not-a-token' }), 401, 'UNAUTHENTICATED');
      }
    });

    it('serves the documentation to an admin', async () => {
      const admin = await loginAccount(http, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
      const document = await http.get('/api/docs/openapi.json', { token: admin.accessToken });
      expect(document.status).toBe(200);
      expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login']));
      const ui = await http.get('/api/docs', { token: admin.accessToken });
      expect(ui.status).toBe(200);
      expect(ui.headers.get('content-type')).toContain('text/html');
    });

    it('refuses metrics without the bearer token, with a wrong one, and with a user access token', async () => {
      const admin = await loginAccount(http, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
      for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}x`, `Bearer ${admin.accessToken}`, METRICS_TOKEN]) {
        const response = await http.get('/metrics', { headers: authorization ? { authorization } : {} });
        expectError(response, 401, 'UNAUTHENTICATED');
        expect(response.body.message).toBe('The metrics endpoint needs its bearer token.');
      }
    });

    it('serves metrics to a scraper with the bearer token', async () => {
      const response = await http.get('/metrics', { token: METRICS_TOKEN });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(response.body).toContain('storyos_http_request_duration_seconds_bucket');
    });
  });

  describe('chosen public in production', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ NODE_ENV: 'production', API_DOCS_ACCESS: 'public', METRICS_ACCESS: 'public' });
    });
    afterAll(() => app.close());

    it('serves both without any token', async () => {
      const http = httpClient(app.url);
      expect((await http.get('/api/docs/openapi.json')).status).toBe(200);
      expect((await http.get('/metrics')).status).toBe(200);
    });
  });
});
