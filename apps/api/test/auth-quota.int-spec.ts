import type { AuthSession, QuotaStatus } from '@storyos/contracts';
import { AppError } from '../src/core/errors/app-error';
import type { AuthUser } from '../src/modules/auth/auth-user';
import { GenerationQuota } from '../src/modules/auth/quota/generation-quota.service';
import { expectError, loginAccount, registerAccount, secondsUntilNextUtcMidnight } from './support/auth-helpers';
import { httpClient, uniqueEmail, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('auth: daily generation quota', () => {
  let app: TestApp;
  let http: HttpClient;
  let quota: GenerationQuota;
  let admin: AuthSession;

  beforeAll(async () => {
    const adminEmail = uniqueEmail('quota-admin');
    const adminPassword = 'quota-admin-pass-1';
    app = await startTestApp({
      QUOTA_GUEST_DAILY: '1',
      QUOTA_USER_DAILY: '2',
      QUOTA_ADMIN_DAILY: 'unlimited',
      // An admin exists from boot, so registered accounts below are plain users.
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
    });
    http = httpClient(app.url);
    quota = app.app.get(GenerationQuota);
    admin = await loginAccount(http, adminEmail, adminPassword);
  });
  afterAll(() => app.close());

  const asAuthUser = (session: AuthSession): AuthUser => ({ id: session.user.id, role: session.user.role, isGuest: session.user.isGuest });
  const newUser = async (): Promise<AuthSession> => {
    const { session } = await registerAccount(http, 'quota-user');
    expect(session.user.role).toBe('user');
    return session;
  };
  const newGuest = async (): Promise<AuthSession> => (await http.post<AuthSession>('/api/auth/guest')).body;
  const quotaOf = async (session: AuthSession): Promise<QuotaStatus> => {
    const response = await http.get<QuotaStatus>('/api/auth/quota', { token: session.accessToken });
    expect(response.status).toBe(200);
    return response.body;
  };

  async function refusal(user: AuthUser): Promise<AppError> {
    const error = await quota.consume(user).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  const nextUtcMidnightIso = (): string => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
  };

  it('lets a user generate 2 times a day, then refuses with QUOTA_EXCEEDED and Retry-After = seconds until the next UTC midnight', async () => {
    const user = asAuthUser(await newUser());
    expect(await quota.consume(user)).toMatchObject({ userType: 'user', limit: 2, used: 1, remaining: 1 });
    expect(await quota.consume(user)).toMatchObject({ userType: 'user', limit: 2, used: 2, remaining: 0 });

    const expected = secondsUntilNextUtcMidnight(new Date());
    const error = await refusal(user);
    expect(error.code).toBe('QUOTA_EXCEEDED');
    const retryAfter = Number(error.headers?.['Retry-After']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(Math.abs(retryAfter - expected)).toBeLessThanOrEqual(2);
    expect(error.details).toMatchObject({ limit: 2, resetsAt: nextUtcMidnightIso() });
    // People read when, in words: no timestamp.
    expect(error.message).toMatch(/resets at midnight UTC, in \d+ (?:h|min)\.$/);
    expect(error.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('does not count a refused generation', async () => {
    const session = await newUser();
    const user = asAuthUser(session);
    await quota.consume(user);
    await quota.consume(user);
    await refusal(user);
    await refusal(user);
    expect(await quota.status(user)).toMatchObject({ used: 2, remaining: 0 });
    expect(await quotaOf(session)).toMatchObject({ used: 2, remaining: 0 });
  });

  it('gives guests their own, smaller allowance (1)', async () => {
    const guest = asAuthUser(await newGuest());
    expect(guest.isGuest).toBe(true);
    expect(await quota.consume(guest)).toMatchObject({ userType: 'guest', limit: 1, used: 1, remaining: 0 });
    expect((await refusal(guest)).code).toBe('QUOTA_EXCEEDED');
  });

  it('never limits admins when their allowance is "unlimited"', async () => {
    const user = asAuthUser(admin);
    expect(user.role).toBe('admin');
    for (let i = 1; i <= 5; i += 1) {
      expect(await quota.consume(user)).toMatchObject({ userType: 'admin', limit: null, used: i, remaining: null });
    }
  });

  it('shows used, remaining, limit, resetsAt and userType on GET /api/auth/quota for guest, user and admin', async () => {
    const guest = await newGuest();
    const user = await newUser();
    const resetsAt = nextUtcMidnightIso();

    expect(await quotaOf(guest)).toEqual({ userType: 'guest', limit: 1, used: 0, remaining: 1, resetsAt });
    expect(await quotaOf(user)).toEqual({ userType: 'user', limit: 2, used: 0, remaining: 2, resetsAt });
    await quota.consume(asAuthUser(user));
    expect(await quotaOf(user)).toEqual({ userType: 'user', limit: 2, used: 1, remaining: 1, resetsAt });

    const adminQuota = await quotaOf(admin);
    expect(adminQuota).toMatchObject({ userType: 'admin', limit: null, remaining: null, resetsAt });
    expect(adminQuota.used).toEqual(expect.any(Number));
  });

  it('refuses GET /api/auth/quota without a token', async () => {
    expectError(await http.get('/api/auth/quota'), 401, 'UNAUTHENTICATED');
  });

  it("keeps users' counters independent", async () => {
    const first = asAuthUser(await newUser());
    const second = asAuthUser(await newUser());
    await quota.consume(first);
    await quota.consume(first);
    expect((await refusal(first)).code).toBe('QUOTA_EXCEEDED');

    expect(await quota.status(second)).toMatchObject({ used: 0, remaining: 2 });
    expect(await quota.consume(second)).toMatchObject({ used: 1, remaining: 1 });
    expect(await quota.status(first)).toMatchObject({ used: 2, remaining: 0 });
  });

  it('starts a fresh allowance on the next UTC day', async () => {
    const user = asAuthUser(await newUser());
    const today = new Date();
    const tomorrow = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1, 0, 0, 1));
    await quota.consume(user, today);
    await quota.consume(user, today);
    expect((await refusal(user)).code).toBe('QUOTA_EXCEEDED');
    expect(await quota.consume(user, tomorrow)).toMatchObject({ used: 1, remaining: 1 });
  });
});
