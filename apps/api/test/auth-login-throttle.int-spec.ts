import { PasswordHasher } from '../src/modules/auth/accounts/password-hasher';
import { expectError, fromAddress, registerAccount, uniqueAddress, type ApiResponse } from './support/auth-helpers';
import { GOOD_PASSWORD, httpClient, uniqueEmail, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const WRONG_PASSWORD = 'not the password 1';
const WINDOW_SECONDS = 900;

function expectRateLimited(response: ApiResponse, maxRetryAfterSeconds = WINDOW_SECONDS): void {
  expectError(response, 429, 'RATE_LIMITED');
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(Number(retryAfter)).toBeLessThanOrEqual(maxRetryAfterSeconds);
  expect(response.body.message).toMatch(/Try again in \d+ (second|minute)s?\.$/);
}

const attempt = (http: HttpClient, email: string, password: string, address: string): Promise<ApiResponse> =>
  http.post('/api/auth/login', { body: { email, password }, headers: fromAddress(address) });

/** Counts the password checks the app really runs, to tell a refused guess from a checked one. */
function countPasswordChecks(app: TestApp): { readonly count: number } {
  const spy = jest.spyOn(app.app.get(PasswordHasher), 'matches');
  spy.mockClear();
  return {
    get count() {
      return spy.mock.calls.length;
    },
  };
}

describe('auth: login throttling', () => {
  describe('with the default limits', () => {
    let app: TestApp;
    let http: HttpClient;

    beforeAll(async () => {
      app = await startTestApp({ TRUST_PROXY: 'true' });
      http = httpClient(app.url);
    });
    afterAll(() => app.close());

    it('does not let 5 wrong passwords from one address lock the owner out: the owner signs in from another address', async () => {
      const owner = await registerAccount(http, 'owner');
      const attacker = uniqueAddress();
      for (let i = 0; i < 5; i += 1) expectError(await attempt(http, owner.email, WRONG_PASSWORD, attacker), 401, 'UNAUTHENTICATED');

      const response = await attempt(http, owner.email, GOOD_PASSWORD, uniqueAddress());
      expect(response.status).toBe(200);
      expect(response.body.user.id).toBe(owner.session.user.id);
      // The attacker's address, not the account, is what is held back.
      expectRateLimited(await attempt(http, owner.email, GOOD_PASSWORD, attacker));
    });
  });

  describe('per account and address', () => {
    let app: TestApp;
    let http: HttpClient;

    beforeAll(async () => {
      app = await startTestApp({
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '3',
        LOGIN_MAX_FAILURES_PER_IP: '100',
        LOGIN_SLOWDOWN_AFTER_FAILURES: '100',
        LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS),
      });
      http = httpClient(app.url);
    });
    afterAll(() => app.close());

    it('after 3 failures from one address refuses that address with 429 and Retry-After, even with the right password and any casing', async () => {
      const victim = await registerAccount(http, 'victim');
      const address = uniqueAddress();
      for (let i = 0; i < 3; i += 1) expectError(await attempt(http, victim.email, WRONG_PASSWORD, address), 401, 'UNAUTHENTICATED');

      expectRateLimited(await attempt(http, victim.email, GOOD_PASSWORD, address));
      expectRateLimited(await attempt(http, victim.email.toUpperCase(), GOOD_PASSWORD, address));
      expect((await attempt(http, victim.email, GOOD_PASSWORD, uniqueAddress())).status).toBe(200);
    });

    it('still lets another account sign in from the same address while one pair is held back', async () => {
      const targeted = await registerAccount(http, 'targeted');
      const bystander = await registerAccount(http, 'bystander');
      const address = uniqueAddress();
      for (let i = 0; i < 3; i += 1) await attempt(http, targeted.email, WRONG_PASSWORD, address);
      expectRateLimited(await attempt(http, targeted.email, GOOD_PASSWORD, address));

      const response = await attempt(http, bystander.email, GOOD_PASSWORD, address);
      expect(response.status).toBe(200);
      expect(response.body.user.id).toBe(bystander.session.user.id);
    });

    it('starts the pair afresh after a successful login', async () => {
      const forgetful = await registerAccount(http, 'forgetful');
      const address = uniqueAddress();
      for (let i = 0; i < 2; i += 1) expectError(await attempt(http, forgetful.email, WRONG_PASSWORD, address), 401, 'UNAUTHENTICATED');
      expect((await attempt(http, forgetful.email, GOOD_PASSWORD, address)).status).toBe(200);
      // Without the reset these two would be failures 3 and 4, and the last login below would be refused.
      for (let i = 0; i < 2; i += 1) expectError(await attempt(http, forgetful.email, WRONG_PASSWORD, address), 401, 'UNAUTHENTICATED');
      expect((await attempt(http, forgetful.email, GOOD_PASSWORD, address)).status).toBe(200);
    });

    it('lets parallel guesses from one address check the password no more often than the limit', async () => {
      const target = await registerAccount(http, 'parallel');
      const address = uniqueAddress();
      const checks = countPasswordChecks(app);
      const responses = await Promise.all(Array.from({ length: 10 }, () => attempt(http, target.email, WRONG_PASSWORD, address)));

      expect(checks.count).toBeLessThanOrEqual(3);
      expect(responses.filter((response) => response.status === 401)).toHaveLength(checks.count);
      for (const refused of responses.filter((response) => response.status !== 401)) expectRateLimited(refused);
    });
  });

  describe('per address', () => {
    let app: TestApp;
    let http: HttpClient;

    beforeAll(async () => {
      app = await startTestApp({
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_IP: '3',
        LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '100',
        LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS),
      });
      http = httpClient(app.url);
    });
    afterAll(() => app.close());

    it('refuses an address with 429 after failures spread over different emails, and only that address', async () => {
      const account = await registerAccount(http, 'ip-victim');
      const sprayer = uniqueAddress();
      for (let i = 0; i < 3; i += 1) expectError(await attempt(http, uniqueEmail(`spray${i}`), WRONG_PASSWORD, sprayer), 401, 'UNAUTHENTICATED');

      expectRateLimited(await attempt(http, account.email, GOOD_PASSWORD, sprayer));
      expectRateLimited(await attempt(http, uniqueEmail('another'), WRONG_PASSWORD, sprayer));
      expect((await attempt(http, account.email, GOOD_PASSWORD, uniqueAddress())).status).toBe(200);
    });

    it('does not count successful logins against the address', async () => {
      const account = await registerAccount(http, 'regular');
      const address = uniqueAddress();
      for (let i = 0; i < 5; i += 1) expect((await attempt(http, account.email, GOOD_PASSWORD, address)).status).toBe(200);
    });
  });

  describe('the account-wide slow-down', () => {
    const MAX_DELAY_SECONDS = 2;
    let app: TestApp;
    let http: HttpClient;

    beforeAll(async () => {
      app = await startTestApp({
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '100',
        LOGIN_MAX_FAILURES_PER_IP: '100',
        LOGIN_SLOWDOWN_AFTER_FAILURES: '3',
        LOGIN_SLOWDOWN_BASE_MS: '1000',
        LOGIN_SLOWDOWN_MAX_MS: String(MAX_DELAY_SECONDS * 1000),
      });
      http = httpClient(app.url);
    });
    afterAll(() => app.close());

    it('lets a botnet (one guess from each of 12 addresses at once) check only a few of its guesses, refusing the rest with a short Retry-After', async () => {
      const target = await registerAccount(http, 'botnet-target');
      for (let i = 0; i < 3; i += 1) expectError(await attempt(http, target.email, WRONG_PASSWORD, uniqueAddress()), 401, 'UNAUTHENTICATED');

      const checks = countPasswordChecks(app);
      const responses = await Promise.all(Array.from({ length: 12 }, () => attempt(http, target.email, WRONG_PASSWORD, uniqueAddress())));

      expect(checks.count).toBeLessThan(6);
      const refused = responses.filter((response) => response.status === 429);
      expect(refused.length).toBe(12 - checks.count);
      for (const response of refused) {
        expectRateLimited(response, MAX_DELAY_SECONDS);
        expect(response.body.message).toMatch(/slowed down/);
      }
    });

    it('never locks the account: after failures from several addresses, the owner signs in from a new one (after a short wait)', async () => {
      const owner = await registerAccount(http, 'slowed-owner');
      for (let i = 0; i < 6; i += 1) expectError(await attempt(http, owner.email, WRONG_PASSWORD, uniqueAddress()), 401, 'UNAUTHENTICATED');

      const response = await attempt(http, owner.email, GOOD_PASSWORD, uniqueAddress());
      expect(response.status).toBe(200);
      expect(response.body.user.id).toBe(owner.session.user.id);
    });

    it('slows down guesses at an unknown email exactly like those at a registered one', async () => {
      const unknown = uniqueEmail('nobody');
      for (let i = 0; i < 3; i += 1) expectError(await attempt(http, unknown, WRONG_PASSWORD, uniqueAddress()), 401, 'UNAUTHENTICATED');
      const responses = await Promise.all(Array.from({ length: 12 }, () => attempt(http, unknown, WRONG_PASSWORD, uniqueAddress())));
      const refused = responses.filter((response) => response.status === 429);
      expect(refused.length).toBeGreaterThan(6);
      for (const response of refused) expect(response.body.message).toMatch(/slowed down/);
    });
  });
});
