import { DataSource } from 'typeorm';
import { countUsers, expectError, type ApiResponse, loginAccount, registerAccount } from './support/auth-helpers';
import { GOOD_PASSWORD, httpClient, uniqueEmail, type HttpClient } from './support/http';
import { resetDatabase, startTestApp, type TestApp } from './support/test-app';

describe('auth: registration, input validation, guests and roles', () => {
  let app: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.url);
  });
  afterAll(() => app.close());

  /** Runs a request that must be refused and proves the users table did not change. */
  async function refusedWithoutStoring(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
    const before = await countUsers(app.app);
    const response = await request();
    expect(await countUsers(app.app)).toBe(before);
    return response;
  }

  describe('registration', () => {
    it('registers with email and password and answers 201 with the user and a token pair', async () => {
      const email = uniqueEmail('Fresh');
      const response = await http.post('/api/auth/register', { body: { email, password: GOOD_PASSWORD, displayName: 'Fresh Writer' } });
      expect(response.status).toBe(201);
      expect(response.body.user).toMatchObject({ email: email.toLowerCase(), displayName: 'Fresh Writer', isGuest: false });
      expect(response.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof response.body.accessToken).toBe('string');
      expect(typeof response.body.refreshToken).toBe('string');
      const me = await http.get('/api/auth/me', { token: response.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(response.body.user.id);
    });

    it('stores the password as an argon2id hash, never the password itself', async () => {
      const { session } = await registerAccount(http, 'hashed');
      const [row] = await app.app.get(DataSource).query('SELECT password_hash FROM users WHERE id = $1', [session.user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(GOOD_PASSWORD);
    });

    it.each([
      ['too short', 'abc12'],
      ['without a digit', 'onlyletters'],
      ['without a letter', '1234567890'],
    ])('refuses a password %s with a message stating the 8-character / letter / digit rule, storing nothing', async (_case, password) => {
      const response = await refusedWithoutStoring(() => http.post('/api/auth/register', { body: { email: uniqueEmail('weak'), password } }));
      expectError(response, 400, 'VALIDATION_FAILED');
      const issue = response.body.details.find((detail: { path: string }) => detail.path === 'password');
      expect(issue).toBeDefined();
      expect(issue.message).toMatch(/8/);
      expect(issue.message).toMatch(/letter/i);
      expect(issue.message).toMatch(/digit/i);
      expect(response.body.message).toMatch(/8.*letter.*digit/i);
    });

    it('refuses a duplicate registration with 409 CONFLICT, also when the email differs in letter case or surrounding spaces', async () => {
      const { email } = await registerAccount(http, 'dup');
      for (const variant of [email, email.toUpperCase(), `  ${email}  `, `  ${email.toUpperCase()}`]) {
        const response = await refusedWithoutStoring(() => http.post('/api/auth/register', { body: { email: variant, password: GOOD_PASSWORD } }));
        expectError(response, 409, 'CONFLICT');
      }
    });

    it('answers one of two simultaneous registrations of the same email with 201 and the other with 409, storing one account', async () => {
      const email = uniqueEmail('race');
      const before = await countUsers(app.app);
      const responses = await Promise.all([
        http.post('/api/auth/register', { body: { email, password: GOOD_PASSWORD } }),
        http.post('/api/auth/register', { body: { email: email.toUpperCase(), password: GOOD_PASSWORD } }),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expectError(responses.find((response) => response.status === 409)!, 409, 'CONFLICT');
      expect(await countUsers(app.app)).toBe(before + 1);
    });

    it('normalises the email (trimmed, lower-cased) so the account can sign in with any casing', async () => {
      const email = uniqueEmail('CaseY');
      const response = await http.post('/api/auth/register', { body: { email: `  ${email.toUpperCase()} `, password: GOOD_PASSWORD } });
      expect(response.status).toBe(201);
      expect(response.body.user.email).toBe(email.toLowerCase());
      const session = await loginAccount(http, email.toUpperCase());
      expect(session.user.id).toBe(response.body.user.id);
    });
  });

  describe('bad input is refused with 400 VALIDATION_FAILED, field-level details, and nothing stored', () => {
    it('refuses malformed JSON', async () => {
      const response = await refusedWithoutStoring(() => http.post('/api/auth/register', { rawBody: '{"email":' }));
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([{ path: expect.any(String), message: expect.any(String) }]);
    });

    it('refuses missing fields, naming each one', async () => {
      const response = await refusedWithoutStoring(() => http.post('/api/auth/register', { body: {} }));
      expectError(response, 400, 'VALIDATION_FAILED');
      const paths = response.body.details.map((detail: { path: string }) => detail.path);
      expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
      for (const detail of response.body.details) expect(detail).toEqual({ path: expect.any(String), message: expect.any(String) });
    });

    it('refuses a field of the wrong type (email: 42)', async () => {
      const response = await refusedWithoutStoring(() => http.post('/api/auth/register', { body: { email: 42, password: GOOD_PASSWORD } }));
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([{ path: 'email', message: expect.any(String) }]);
    });

    it('refuses an invalid email address with a readable message', async () => {
      const response = await refusedWithoutStoring(() => http.post('/api/auth/register', { body: { email: 'not-an-email', password: GOOD_PASSWORD } }));
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([{ path: 'email', message: expect.stringMatching(/valid/i) }]);
    });

    it('refuses unknown fields, naming the field (no self-promotion via "role")', async () => {
      const response = await refusedWithoutStoring(() =>
        http.post('/api/auth/register', { body: { email: uniqueEmail('sneaky'), password: GOOD_PASSWORD, role: 'admin' } }),
      );
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([{ path: 'role', message: expect.stringContaining('role') }]);
    });

    it('refuses an empty body (no body at all and an empty JSON string)', async () => {
      for (const options of [{}, { rawBody: '' }, { rawBody: '', headers: { 'content-type': 'application/json' } }]) {
        const response = await refusedWithoutStoring(() => http.post('/api/auth/register', options));
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(Array.isArray(response.body.details)).toBe(true);
        expect(response.body.details.length).toBeGreaterThan(0);
        for (const detail of response.body.details) expect(detail).toEqual({ path: expect.any(String), message: expect.any(String) });
      }
    });

    it('refuses a 1 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
      const rawBody = JSON.stringify({ email: uniqueEmail('huge'), password: GOOD_PASSWORD, displayName: 'x'.repeat(1024 * 1024) });
      const response = await refusedWithoutStoring(() => http.post('/api/auth/register', { rawBody }));
      expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses bad login input the same way', async () => {
      const response = await http.post('/api/auth/login', { body: { email: uniqueEmail('login'), password: '', extra: 1 } });
      expectError(response, 400, 'VALIDATION_FAILED');
      const paths = response.body.details.map((detail: { path: string }) => detail.path);
      expect(paths).toEqual(expect.arrayContaining(['password', 'extra']));
    });
  });

  describe('guest accounts', () => {
    it('creates a guest with POST /api/auth/guest: 201, isGuest true, no email', async () => {
      const response = await http.post('/api/auth/guest');
      expect(response.status).toBe(201);
      expect(response.body.user).toMatchObject({ isGuest: true, email: null, role: 'user' });
      expect(typeof response.body.accessToken).toBe('string');
      const me = await http.get('/api/auth/me', { token: response.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: response.body.user.id, isGuest: true, email: null });
    });

    it('upgrades a guest to a registered account keeping the same user id', async () => {
      const guest = (await http.post('/api/auth/guest')).body;
      const email = uniqueEmail('upgraded');
      const response = await http.post('/api/auth/upgrade', { token: guest.accessToken, body: { email, password: GOOD_PASSWORD } });
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ id: guest.user.id, email, isGuest: false });

      const session = await loginAccount(http, email);
      expect(session.user.id).toBe(guest.user.id);
      const me = await http.get('/api/auth/me', { token: session.accessToken });
      expect(me.body).toMatchObject({ id: guest.user.id, email, isGuest: false });
    });

    it('refuses to upgrade an account that is not a guest with 409 CONFLICT', async () => {
      const { session } = await registerAccount(http, 'notguest');
      const response = await http.post('/api/auth/upgrade', { token: session.accessToken, body: { email: uniqueEmail('other'), password: GOOD_PASSWORD } });
      expectError(response, 409, 'CONFLICT');
    });

    it('refuses to upgrade to an email that is taken with 409 CONFLICT, and the guest remains a guest', async () => {
      const taken = await registerAccount(http, 'taken');
      const guest = (await http.post('/api/auth/guest')).body;
      const response = await http.post('/api/auth/upgrade', { token: guest.accessToken, body: { email: taken.email.toUpperCase(), password: GOOD_PASSWORD } });
      expectError(response, 409, 'CONFLICT');
      const me = await http.get('/api/auth/me', { token: guest.accessToken });
      expect(me.body).toMatchObject({ id: guest.user.id, isGuest: true, email: null });
      const [row] = await app.app.get(DataSource).query('SELECT password_hash FROM users WHERE id = $1', [guest.user.id]);
      expect(row.password_hash).toBeNull();
    });

    it('refuses an upgrade without an access token with 401', async () => {
      const response = await http.post('/api/auth/upgrade', { body: { email: uniqueEmail('anon'), password: GOOD_PASSWORD } });
      expectError(response, 401, 'UNAUTHENTICATED');
    });
  });

  describe('roles', () => {
    it('makes the first registered user admin when no admin is configured; the next one is a plain user', async () => {
      await resetDatabase(app.app);
      const first = await registerAccount(http, 'first');
      const second = await registerAccount(http, 'second');
      expect(first.session.user.role).toBe('admin');
      expect(second.session.user.role).toBe('user');
      // The role is also what the access token carries.
      expect((await http.get('/api/auth/me', { token: first.session.accessToken })).body.role).toBe('admin');
    });

    it('refuses a non-admin on an admin route with 403 FORBIDDEN and lets the admin through with 202', async () => {
      await resetDatabase(app.app);
      const admin = await registerAccount(http, 'admin');
      const user = await registerAccount(http, 'plain');
      expect(admin.session.user.role).toBe('admin');
      expect(user.session.user.role).toBe('user');

      const refused = await http.post('/api/system/ping', { token: user.session.accessToken, body: { nonce: 'x' } });
      expectError(refused, 403, 'FORBIDDEN');
      const accepted = await http.post('/api/system/ping', { token: admin.session.accessToken, body: { nonce: 'x' } });
      expect(accepted.status).toBe(202);
    });

    it('with ADMIN_EMAIL/ADMIN_PASSWORD configured, creates that admin at boot and the first registered user is a plain user', async () => {
      await resetDatabase(app.app);
      const adminEmail = uniqueEmail('configured-admin');
      const adminPassword = 'admin-password-77';
      const configured = await startTestApp({ ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword });
      try {
        const client = httpClient(configured.url);
        const first = await registerAccount(client, 'first-with-admin');
        expect(first.session.user.role).toBe('user');

        const admin = await loginAccount(client, adminEmail, adminPassword);
        expect(admin.user).toMatchObject({ email: adminEmail, role: 'admin', isGuest: false });
        expect((await client.post('/api/system/ping', { token: admin.accessToken, body: { nonce: 'x' } })).status).toBe(202);
        expectError(await client.post('/api/system/ping', { token: first.session.accessToken, body: { nonce: 'x' } }), 403, 'FORBIDDEN');
      } finally {
        await configured.close();
      }
    });
  });
});
