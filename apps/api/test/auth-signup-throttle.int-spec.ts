import { GOOD_PASSWORD, httpClient, uniqueEmail, type HttpClient } from './support/http';
import { countUsers, expectError, fromAddress, uniqueAddress, type ApiResponse } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const WINDOW_SECONDS = 3600;

describe('auth: guests and registrations are limited per address', () => {
  let app: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    app = await startTestApp({
      TRUST_PROXY: 'true',
      SIGNUP_MAX_GUESTS_PER_IP: '3',
      SIGNUP_MAX_REGISTRATIONS_PER_IP: '2',
      SIGNUP_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
    http = httpClient(app.url);
  });
  afterAll(() => app.close());

  const guest = (address: string): Promise<ApiResponse> => http.post('/api/auth/guest', { headers: fromAddress(address) });
  const register = (address: string): Promise<ApiResponse> =>
    http.post('/api/auth/register', { body: { email: uniqueEmail('signup'), password: GOOD_PASSWORD }, headers: fromAddress(address) });

  function expectRefused(response: ApiResponse, wording: RegExp): void {
    expectError(response, 429, 'RATE_LIMITED');
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(response.body.message).toMatch(wording);
    expect(response.body.message).toMatch(/Try again in \d+ minutes?\.$/);
  }

  it('starts 3 guests from one address, then refuses the next with 429 and Retry-After, creating no account', async () => {
    const address = uniqueAddress();
    for (let i = 0; i < 3; i += 1) expect((await guest(address)).status).toBe(201);
    const before = await countUsers(app.app);
    expectRefused(await guest(address), /^Too many guest sessions were started from your network\./);
    expect(await countUsers(app.app)).toBe(before);
  });

  it('refuses a burst of 30 guests from one address beyond the limit', async () => {
    const address = uniqueAddress();
    const responses = await Promise.all(Array.from({ length: 30 }, () => guest(address)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(3);
    for (const response of responses.filter((response) => response.status !== 201)) expectRefused(response, /guest sessions/);
  });

  it('registers 2 accounts from one address, then refuses the next with 429, storing nothing', async () => {
    const address = uniqueAddress();
    for (let i = 0; i < 2; i += 1) expect((await register(address)).status).toBe(201);
    const before = await countUsers(app.app);
    expectRefused(await register(address), /^Too many new accounts were requested from your network\./);
    expect(await countUsers(app.app)).toBe(before);
  });

  it('keeps addresses apart: another address still starts guests and registers', async () => {
    const busy = uniqueAddress();
    for (let i = 0; i < 3; i += 1) await guest(busy);
    for (let i = 0; i < 2; i += 1) await register(busy);
    expectError(await guest(busy), 429, 'RATE_LIMITED');

    const other = uniqueAddress();
    expect((await guest(other)).status).toBe(201);
    expect((await register(other)).status).toBe(201);
  });
});
