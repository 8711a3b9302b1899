import { JwtService } from '@nestjs/jwt';
import type { AuthSession } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import {
  BROWSER,
  cookieHeader,
  decodeJwtPayload,
  endGraceWindow,
  expectError,
  loginAccount,
  refreshCookieOf,
  registerAccount,
  type Registered,
} from './support/auth-helpers';
import { GOOD_PASSWORD, httpClient, uniqueEmail, type HttpClient } from './support/http';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

const ACCESS_TTL_SECONDS = 15 * 60;

describe('auth: login, tokens, refresh rotation, logout and me', () => {
  let app: TestApp;
  let http: HttpClient;
  let account: Registered;

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.url);
    account = await registerAccount(http, 'session');
  });
  afterAll(() => app.close());

  const refreshWithBody = (refreshToken: string) => http.post('/api/auth/refresh', { body: { refreshToken } });
  const refreshWithCookie = (refreshToken: string) =>
    http.post('/api/auth/refresh', { body: {}, headers: { ...BROWSER, ...cookieHeader(refreshToken) } });

  describe('login and the access token', () => {
    it('logs in with the right password: 200 with the user, an access token and (for API clients) a refresh token', async () => {
      const response = await http.post('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD } });
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ id: account.session.user.id, email: account.email });
      expect(typeof response.body.accessToken).toBe('string');
      expect(response.body.refreshToken).toEqual(expect.any(String));
    });

    it('refuses a wrong password and an unknown email alike with 401 UNAUTHENTICATED and the same message', async () => {
      const wrongPassword = await http.post('/api/auth/login', { body: { email: account.email, password: 'wrong password 1' } });
      const unknownEmail = await http.post('/api/auth/login', { body: { email: uniqueEmail('nobody'), password: GOOD_PASSWORD } });
      expectError(wrongPassword, 401, 'UNAUTHENTICATED');
      expectError(unknownEmail, 401, 'UNAUTHENTICATED');
      expect(wrongPassword.body.message).toBe(unknownEmail.body.message);
    });

    it('issues a 15-minute access JWT: accessTokenExpiresAt is now+900 s and matches the exp claim', async () => {
      const before = Date.now();
      const session = await loginAccount(http, account.email);
      const after = Date.now();

      const expiresAt = Date.parse(session.accessTokenExpiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(before + ACCESS_TTL_SECONDS * 1000 - 1000);
      expect(expiresAt).toBeLessThanOrEqual(after + ACCESS_TTL_SECONDS * 1000 + 1000);

      const claims = decodeJwtPayload(session.accessToken);
      expect(claims['sub']).toBe(account.session.user.id);
      expect(claims['exp']).toEqual(expect.any(Number));
      expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(ACCESS_TTL_SECONDS);
      expect(Math.abs((claims['exp'] as number) * 1000 - expiresAt)).toBeLessThanOrEqual(2000);
    });
  });

  describe('refresh token transport', () => {
    it('gives browsers (x-refresh-transport: cookie) the refresh token only as an httpOnly, SameSite=Strict cookie on /api/auth', async () => {
      const response = await http.post<AuthSession>('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: BROWSER });
      expect(response.status).toBe(200);
      expect(response.body).not.toHaveProperty('refreshToken');
      expect(typeof response.body.accessToken).toBe('string');

      const cookie = refreshCookieOf(response);
      expect(cookie).toBeDefined();
      expect(cookie!.value.length).toBeGreaterThan(20);
      expect(cookie!.attributes['httponly']).toBe(true);
      expect(String(cookie!.attributes['samesite']).toLowerCase()).toBe('strict');
      expect(cookie!.attributes['path']).toBe('/api/auth');
      expect(Date.parse(String(cookie!.attributes['expires']))).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
    });

    it('gives browsers the cookie only for register and guest sessions too', async () => {
      const registered = await http.post('/api/auth/register', { body: { email: uniqueEmail('browser'), password: GOOD_PASSWORD }, headers: BROWSER });
      const guest = await http.post('/api/auth/guest', { headers: BROWSER });
      for (const response of [registered, guest]) {
        expect(response.status).toBe(201);
        expect(response.body).not.toHaveProperty('refreshToken');
        expect(refreshCookieOf(response)?.attributes['httponly']).toBe(true);
      }
    });

    it('leaves the page a readable, secret-free hint that a session can be restored, and takes it away on logout', async () => {
      const login = await http.post('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: BROWSER });
      const hint = login.headers.getSetCookie().find((cookie) => cookie.startsWith('storyos_session='));
      expect(hint).toMatch(/^storyos_session=1;/);
      expect(hint).toMatch(/Path=\//);
      expect(hint).not.toMatch(/HttpOnly/i);
      const logout = await http.post('/api/auth/logout', { headers: { ...BROWSER, ...cookieHeader(refreshCookieOf(login)!.value) } });
      expect(logout.headers.getSetCookie().find((cookie) => cookie.startsWith('storyos_session='))).toMatch(/^storyos_session=;.*Expires=Thu, 01 Jan 1970/);
    });

    it('gives API clients (no transport header) the refresh token in the body', async () => {
      const response = await http.post<AuthSession>('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD } });
      expect(response.body.refreshToken).toEqual(expect.any(String));
    });
  });

  describe('refresh with rotation', () => {
    it('refreshes via the body: returns a new token pair and, once the grace window has passed, the old refresh token no longer works', async () => {
      const session = await loginAccount(http, account.email);
      const refreshed = await refreshWithBody(session.refreshToken!);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.user.id).toBe(account.session.user.id);
      expect(refreshed.body.refreshToken).toEqual(expect.any(String));
      expect(refreshed.body.refreshToken).not.toBe(session.refreshToken);

      const me = await http.get('/api/auth/me', { token: refreshed.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(account.session.user.id);

      await endGraceWindow(app.app, session.refreshToken!);
      const replay = await refreshWithBody(session.refreshToken!);
      expect(replay.status).toBe(401);
    });

    it('refreshes via the cookie: a new cookie, no token in the body, and (after the grace window) the old cookie no longer works', async () => {
      const login = await http.post('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: BROWSER });
      const first = refreshCookieOf(login)!.value;

      const refreshed = await refreshWithCookie(first);
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).not.toHaveProperty('refreshToken');
      const second = refreshCookieOf(refreshed)!;
      expect(second.value).not.toBe(first);
      expect(second.attributes['httponly']).toBe(true);
      expect((await http.get('/api/auth/me', { token: refreshed.body.accessToken })).status).toBe(200);

      await endGraceWindow(app.app, first);
      expect((await refreshWithCookie(first)).status).toBe(401);
    });

    it('refreshes and signs out with the cookie alone, when the browser sends no request body at all', async () => {
      const login = await http.post('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: BROWSER });
      const first = refreshCookieOf(login)!.value;

      const refreshed = await http.post('/api/auth/refresh', { headers: { ...BROWSER, ...cookieHeader(first) } });
      expect(refreshed.status).toBe(200);
      const second = refreshCookieOf(refreshed)!.value;
      expect(second).not.toBe(first);

      const logout = await http.post('/api/auth/logout', { headers: { ...BROWSER, ...cookieHeader(second) } });
      expect(logout.status).toBe(204);
      expect(refreshCookieOf(logout)?.value).toBe('');
      expect((await refreshWithCookie(second)).status).toBe(401);
    });

    it('returns a new refresh token on every refresh of a chain', async () => {
      const session = await loginAccount(http, account.email);
      const seen = new Set([session.refreshToken!]);
      let current = session.refreshToken!;
      for (let i = 0; i < 3; i += 1) {
        const refreshed = await refreshWithBody(current);
        expect(refreshed.status).toBe(200);
        current = refreshed.body.refreshToken!;
        expect(seen.has(current)).toBe(false);
        seen.add(current);
      }
    });

    it('detects reuse: replaying a rotated token after the grace window gives 401 REFRESH_TOKEN_REUSED and revokes the whole family, not other sessions', async () => {
      const stolen = await loginAccount(http, account.email);
      const otherSession = await loginAccount(http, account.email);

      const rotated = await refreshWithBody(stolen.refreshToken!);
      expect(rotated.status).toBe(200);
      const newest = rotated.body.refreshToken!;

      await endGraceWindow(app.app, stolen.refreshToken!);
      const replay = await refreshWithBody(stolen.refreshToken!);
      expectError(replay, 401, 'REFRESH_TOKEN_REUSED');

      // The newest token of that family, never used, no longer works either.
      const newestAfter = await refreshWithBody(newest);
      expect(newestAfter.status).toBe(401);
      expect(['UNAUTHENTICATED', 'REFRESH_TOKEN_REUSED']).toContain(newestAfter.body.code);

      // Another login of the same user is a different family and keeps working.
      const other = await refreshWithBody(otherSession.refreshToken!);
      expect(other.status).toBe(200);
      expect(other.body.user.id).toBe(account.session.user.id);
    });

    it('detects reuse of a rotated cookie and clears the cookie', async () => {
      const login = await http.post('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: BROWSER });
      const first = refreshCookieOf(login)!.value;
      const refreshed = await refreshWithCookie(first);
      const newest = refreshCookieOf(refreshed)!.value;

      await endGraceWindow(app.app, first);
      const replay = await refreshWithCookie(first);
      expectError(replay, 401, 'REFRESH_TOKEN_REUSED');
      const cleared = refreshCookieOf(replay);
      expect(cleared?.value).toBe('');
      expect(Date.parse(String(cleared?.attributes['expires']))).toBeLessThan(Date.now());

      expect((await refreshWithCookie(newest)).status).toBe(401);
    });

    it('refuses an expired refresh token with 401 UNAUTHENTICATED', async () => {
      const session = await loginAccount(http, account.email);
      const [id] = session.refreshToken!.split('.');
      await app.app.get(DataSource).query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      const response = await refreshWithBody(session.refreshToken!);
      expectError(response, 401, 'UNAUTHENTICATED');
      expect(response.body.message).toMatch(/expired/i);
    });

    it('refuses a refresh without any token with 401', async () => {
      expectError(await http.post('/api/auth/refresh', { body: {} }), 401, 'UNAUTHENTICATED');
      expectError(await http.post('/api/auth/refresh'), 401, 'UNAUTHENTICATED');
      expectError(await http.post('/api/auth/refresh', { headers: BROWSER }), 401, 'UNAUTHENTICATED');
    });

    it('refuses a refresh with a garbage or forged token with 401', async () => {
      const session = await loginAccount(http, account.email);
      const [id] = session.refreshToken!.split('.');
      for (const garbage of ['garbage', 'a.b', `${id}.wrong-secret`, `${id}`, `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.secret`]) {
        expectError(await refreshWithBody(garbage), 401, 'UNAUTHENTICATED');
      }
      expectError(await refreshWithCookie('garbage'), 401, 'UNAUTHENTICATED');
      // The forged attempts did not burn the real token.
      expect((await refreshWithBody(session.refreshToken!)).status).toBe(200);
    });
  });

  describe('logout', () => {
    it('answers 204 and the refresh token stops working (body transport)', async () => {
      const session = await loginAccount(http, account.email);
      const response = await http.post('/api/auth/logout', { body: { refreshToken: session.refreshToken } });
      expect(response.status).toBe(204);
      const after = await refreshWithBody(session.refreshToken!);
      // A signed-out session is over, not stolen: no reuse alarm.
      expectError(after, 401, 'UNAUTHENTICATED');
      expect(after.body.message).toMatch(/ended/);
    });

    it('answers 204, clears the cookie, and the cookie token stops working (cookie transport)', async () => {
      const login = await http.post('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: BROWSER });
      const token = refreshCookieOf(login)!.value;
      const response = await http.post('/api/auth/logout', { body: {}, headers: { ...BROWSER, ...cookieHeader(token) } });
      expect(response.status).toBe(204);
      expect(refreshCookieOf(response)?.value).toBe('');
      expect((await refreshWithCookie(token)).status).toBe(401);
    });

    it('ends only that session: another login of the same user keeps refreshing', async () => {
      const ending = await loginAccount(http, account.email);
      const staying = await loginAccount(http, account.email);
      expect((await http.post('/api/auth/logout', { body: { refreshToken: ending.refreshToken } })).status).toBe(204);
      expect((await refreshWithBody(staying.refreshToken!)).status).toBe(200);
    });

    it('answers 204 without any token, repeatedly (idempotent), and for an unknown token', async () => {
      expect((await http.post('/api/auth/logout', { body: {} })).status).toBe(204);
      expect((await http.post('/api/auth/logout')).status).toBe(204);
      expect((await http.post('/api/auth/logout')).status).toBe(204);
      expect((await http.post('/api/auth/logout', { body: { refreshToken: 'garbage' } })).status).toBe(204);
    });
  });

  describe('me', () => {
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    /** Claims as the app issues them, naming the suite account's live session. */
    const liveClaims = () => ({ sub: account.session.user.id, role: 'user', guest: false, sid: decodeJwtPayload(account.session.accessToken)['sid'] });

    it('returns the signed-in user with a valid access token', async () => {
      const response = await http.get('/api/auth/me', { token: account.session.accessToken });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: account.session.user.id, email: account.email, isGuest: false });
    });

    it('answers 401 UNAUTHENTICATED with a readable message without a token', async () => {
      const response = await http.get('/api/auth/me');
      expectError(response, 401, 'UNAUTHENTICATED');
      expect(response.body.message).toMatch(/sign in/i);
    });

    it('answers 401 UNAUTHENTICATED for a tampered token (claims changed, signature kept)', async () => {
      const [header, payload, signature] = account.session.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
      const forgedPayload = Buffer.from(JSON.stringify({ ...claims, role: claims.role === 'admin' ? 'user' : 'admin', guest: true })).toString('base64url');
      expect(forgedPayload).not.toBe(payload);
      const response = await http.get('/api/auth/me', { token: `${header}.${forgedPayload}.${signature}` });
      expectError(response, 401, 'UNAUTHENTICATED');
      expect(response.body.message).toMatch(/sign in/i);
    });

    it('answers 401 for a token signed with another secret and for an unsigned (alg: none) token', async () => {
      const claims = { sub: account.session.user.id, role: 'admin', guest: false };
      const otherSecret = new JwtService({ secret: 'some-other-secret-0123456789abcdefgh' }).sign(claims, { expiresIn: 600 });
      expectError(await http.get('/api/auth/me', { token: otherSecret }), 401, 'UNAUTHENTICATED');

      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 }),
      ).toString('base64url')}.`;
      expectError(await http.get('/api/auth/me', { token: none }), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 UNAUTHENTICATED saying the session expired for an expired token', async () => {
      const expired = jwt.sign(liveClaims(), { expiresIn: -10 });
      const response = await http.get('/api/auth/me', { token: expired });
      expectError(response, 401, 'UNAUTHENTICATED');
      expect(response.body.message).toMatch(/expired/i);

      // The same claims, still valid, are accepted: the expiry is what was refused.
      const valid = jwt.sign(liveClaims(), { expiresIn: 60 });
      expect((await http.get('/api/auth/me', { token: valid })).status).toBe(200);
    });

    it('answers 401 for a token signed with the right secret but HS512, where the same claims signed HS256 pass', async () => {
      const hs512 = jwt.sign(liveClaims(), { expiresIn: 60, algorithm: 'HS512' });
      expectError(await http.get('/api/auth/me', { token: hs512 }), 401, 'UNAUTHENTICATED');
      expect((await http.get('/api/auth/me', { token: jwt.sign(liveClaims(), { expiresIn: 60, algorithm: 'HS256' }) })).status).toBe(200);
    });

    it('answers 401 for a correctly signed token without an expiry (exp), which would otherwise never expire', async () => {
      const noExpiry = jwt.sign(liveClaims());
      expect(decodeJwtPayload(noExpiry)).not.toHaveProperty('exp');
      const response = await http.get('/api/auth/me', { token: noExpiry });
      expectError(response, 401, 'UNAUTHENTICATED');
      expect(response.body.message).toMatch(/not valid.*sign in/i);
    });

    it('answers 401 for a correctly signed token that names no session (sid), since it could not be revoked', async () => {
      const { sid: _sid, ...withoutSession } = liveClaims();
      expectError(await http.get('/api/auth/me', { token: jwt.sign(withoutSession, { expiresIn: 60 }) }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('ending a session ends its access tokens at once', () => {
    const me = (token: string) => http.get('/api/auth/me', { token });

    it('refuses the access token of a signed-out session with 401 at once, and only that session’s', async () => {
      const ending = await loginAccount(http, account.email);
      const staying = await loginAccount(http, account.email);
      expect((await me(ending.accessToken)).status).toBe(200);

      expect((await http.post('/api/auth/logout', { body: { refreshToken: ending.refreshToken } })).status).toBe(204);
      const refused = await me(ending.accessToken);
      expectError(refused, 401, 'UNAUTHENTICATED');
      expect(refused.body.message).toBe('This session has ended. Please sign in again.');
      expect((await me(staying.accessToken)).status).toBe(200);
    });

    it('refuses every access token of a family revoked for refresh token reuse', async () => {
      const stolen = await loginAccount(http, account.email);
      const rotated = (await refreshWithBody(stolen.refreshToken!)).body as AuthSession;
      expect((await me(rotated.accessToken)).status).toBe(200);

      await endGraceWindow(app.app, stolen.refreshToken!);
      expectError(await refreshWithBody(stolen.refreshToken!), 401, 'REFRESH_TOKEN_REUSED');
      for (const token of [stolen.accessToken, rotated.accessToken]) expectError(await me(token), 401, 'UNAUTHENTICATED');
    });

    it('puts the session in the access token (sid) and keeps it across refreshes', async () => {
      const session = await loginAccount(http, account.email);
      const refreshed = (await refreshWithBody(session.refreshToken!)).body as AuthSession;
      const sid = decodeJwtPayload(session.accessToken)['sid'];
      expect(sid).toMatch(/^[0-9a-f-]{36}$/);
      expect(decodeJwtPayload(refreshed.accessToken)['sid']).toBe(sid);
      expect(decodeJwtPayload((await loginAccount(http, account.email)).accessToken)['sid']).not.toBe(sid);
    });
  });

  describe('two tabs refreshing at the same moment', () => {
    it('gives both the same new refresh token and keeps the session alive (body transport)', async () => {
      const session = await loginAccount(http, account.email);
      const [first, second] = await Promise.all([refreshWithBody(session.refreshToken!), refreshWithBody(session.refreshToken!)]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body.refreshToken).toBe(first.body.refreshToken);
      for (const tab of [first, second]) expect((await http.get('/api/auth/me', { token: tab.body.accessToken })).status).toBe(200);

      const next = await refreshWithBody(first.body.refreshToken);
      expect(next.status).toBe(200);
      expect((await http.get('/api/auth/me', { token: next.body.accessToken })).status).toBe(200);
    });

    it('sets the same new cookie in both tabs (cookie transport)', async () => {
      const login = await http.post('/api/auth/login', { body: { email: account.email, password: GOOD_PASSWORD }, headers: BROWSER });
      const cookie = refreshCookieOf(login)!.value;
      const tabs = await Promise.all(Array.from({ length: 3 }, () => refreshWithCookie(cookie)));
      expect(tabs.map((tab) => tab.status)).toEqual([200, 200, 200]);
      const cookies = new Set(tabs.map((tab) => refreshCookieOf(tab)!.value));
      expect(cookies.size).toBe(1);
      expect((await refreshWithCookie([...cookies][0]!)).status).toBe(200);
    });

    it('answers a tab that presents the just-rotated token a moment later with the same new token', async () => {
      const session = await loginAccount(http, account.email);
      const first = await refreshWithBody(session.refreshToken!);
      const late = await refreshWithBody(session.refreshToken!);
      expect(late.status).toBe(200);
      expect(late.body.refreshToken).toBe(first.body.refreshToken);
    });
  });

  describe('with the grace window turned off (REFRESH_REUSE_GRACE_SECONDS=0)', () => {
    let strict: TestApp;

    beforeAll(async () => {
      strict = await startTestApp({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    });
    afterAll(() => strict.close());

    it('treats an immediate second use of a refresh token as reuse', async () => {
      const client = httpClient(strict.url);
      const { email } = await registerAccount(client, 'strict');
      const session = await loginAccount(client, email);
      expect((await client.post('/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(200);
      expectError(await client.post('/api/auth/refresh', { body: { refreshToken: session.refreshToken } }), 401, 'REFRESH_TOKEN_REUSED');
    });
  });
});
