import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { AuthSession } from '@storyos/contracts';
import { login, registerUser } from './support/accounts';
import { decodeJwtPayload, endGraceWindow } from './support/auth-helpers';
import { GOOD_PASSWORD, httpClient } from './support/http';
import { connectSocket, disconnection, nextEvent, type TestSocket } from './support/sockets';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const ADMIN = { email: 'ops@example.test', password: 'operator pass 1' };

/** The WebSocket extensions the server accepted (socket.io-client in Node offers permessage-deflate, as browsers do). */
function negotiatedExtensions(socket: TestSocket): string {
  return (socket.io.engine.transport as unknown as { ws: { extensions: string } }).ws.extensions;
}

describe('realtime: socket handshake and worker-to-socket delivery', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let admin: AuthSession;
  const sockets: TestSocket[] = [];

  const open = async (token: string, origin?: string): Promise<TestSocket> => {
    const socket = await connectSocket(api.url, { token, origin });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    worker = await startWorker(api.env);
    admin = await login(api.url, ADMIN.email, ADMIN.password);
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('the handshake', () => {
    it('refuses a connection without a token', async () => {
      await expect(connectSocket(api.url)).rejects.toMatchObject({ message: 'A socket connection needs an access token.', data: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses a tampered token', async () => {
      const [header, payload] = admin.accessToken.split('.');
      const forged = `${header}.${payload}.${'A'.repeat(43)}`;
      await expect(connectSocket(api.url, { token: forged })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses a token signed with another secret', async () => {
      const token = new JwtService({ secret: 'someone-else-secret-0123456789abcdef' }).sign({ sub: admin.user.id, role: 'admin', guest: false });
      await expect(connectSocket(api.url, { token })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses an expired token and says so', async () => {
      const token = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: admin.user.id, role: 'admin', guest: false, exp: Math.floor(Date.now() / 1000) - 60 });
      await expect(connectSocket(api.url, { token })).rejects.toMatchObject({ message: expect.stringMatching(/expired/i) });
    });

    /** The admin session's own claims, so only what a test changes differs from a token the app issued. */
    const adminClaims = () => {
      const { sub, role, guest, sid } = decodeJwtPayload(admin.accessToken);
      return { sub, role, guest, sid };
    };

    it('refuses a token signed with the right secret but HS512, and accepts the same claims signed HS256', async () => {
      const jwt = new JwtService({ secret: TEST_JWT_SECRET });
      const hs512 = jwt.sign(adminClaims(), { expiresIn: 60, algorithm: 'HS512' });
      await expect(connectSocket(api.url, { token: hs512 })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
      expect((await open(jwt.sign(adminClaims(), { expiresIn: 60, algorithm: 'HS256' }))).connected).toBe(true);
    });

    it('refuses a correctly signed token without an expiry (exp)', async () => {
      const token = new JwtService({ secret: TEST_JWT_SECRET }).sign(adminClaims());
      expect(decodeJwtPayload(token)).not.toHaveProperty('exp');
      await expect(connectSocket(api.url, { token })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/not valid/) });
    });

    it('refuses a browser Origin outside the allow-list', async () => {
      await expect(connectSocket(api.url, { token: admin.accessToken, origin: 'http://evil.test' })).rejects.toThrow();
    });

    it('accepts a valid token from an allowed Origin', async () => {
      const socket = await open(admin.accessToken, 'http://allowed.test');
      expect(socket.connected).toBe(true);
    });
  });

  describe('ending a session', () => {
    const logout = (session: AuthSession) => httpClient(api.url).post('/api/auth/logout', { body: { refreshToken: session.refreshToken } });

    it('disconnects the sockets of a signed-out session at once, keeps the user’s other sessions connected, and refuses the token at the next handshake', async () => {
      const user = await registerUser(api.url, 'socket-logout');
      const other = await login(api.url, user.user.email!, GOOD_PASSWORD);
      const [first, second] = [await open(user.accessToken), await open(user.accessToken)];
      const survivor = await open(other.accessToken);
      const closed = [first, second].map((socket) => disconnection(socket));

      expect((await logout(user)).status).toBe(204);
      expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
      await expect(connectSocket(api.url, { token: user.accessToken })).rejects.toMatchObject({ message: 'This session has ended. Please sign in again.' });
      // A round trip after the disconnects proves the other session's socket is still served.
      const ack = await survivor.emitWithAck('generation:subscribe', { generationId: randomUUID() });
      expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(survivor.connected).toBe(true);
    });

    it('disconnects the sockets of a family revoked for refresh token reuse', async () => {
      const user = await registerUser(api.url, 'socket-reuse');
      const socket = await open(user.accessToken);
      const closed = disconnection(socket);
      const http = httpClient(api.url);
      expect((await http.post('/api/auth/refresh', { body: { refreshToken: user.refreshToken } })).status).toBe(200);
      await endGraceWindow(api.app, user.refreshToken!);
      expect((await http.post('/api/auth/refresh', { body: { refreshToken: user.refreshToken } })).body.code).toBe('REFRESH_TOKEN_REUSED');
      expect(await closed).toBe('io server disconnect');
    });
  });

  describe('delivery from a worker process', () => {
    it('delivers a job processed by the worker to the owner’s socket, and to no one else', async () => {
      const stranger = await registerUser(api.url, 'stranger');
      const mine = await open(admin.accessToken);
      const theirs = await open(stranger.accessToken);
      const strangerEvents: unknown[] = [];
      theirs.on('system:pong', (event) => strangerEvents.push(event));

      const pong = nextEvent(mine, 'system:pong');
      const accepted = await httpClient(api.url).post('/api/system/ping', { token: admin.accessToken, body: { nonce: 'round-trip-1' } });
      expect(accepted.status).toBe(202);

      const event = await pong;
      expect(event.nonce).toBe('round-trip-1');
      expect(event.workerId).toContain(`:${worker.child.pid}`); // the separate worker process answered, not the API
      expect(Date.parse(event.processedAt)).toBeGreaterThanOrEqual(Date.parse(accepted.body.enqueuedAt));

      // A second ping to the owner proves the stranger's socket had time to receive the first, had it been sent there.
      const second = nextEvent(mine, 'system:pong');
      await httpClient(api.url).post('/api/system/ping', { token: admin.accessToken, body: { nonce: 'round-trip-2' } });
      expect((await second).nonce).toBe('round-trip-2');
      expect(strangerEvents).toEqual([]);
    });

    it('reaches every socket of the same user', async () => {
      const tabs = [await open(admin.accessToken), await open(admin.accessToken)];
      const received = tabs.map((tab) => nextEvent(tab, 'system:pong'));
      await httpClient(api.url).post('/api/system/ping', { token: admin.accessToken, body: { nonce: 'two-tabs' } });
      const events = await Promise.all(received);
      expect(events.map((event) => event.nonce)).toEqual(['two-tabs', 'two-tabs']);
    });

    it('compresses the frames of a socket that offers compression, and SOCKET_COMPRESSION=false leaves them plain', async () => {
      const compressed = await open(admin.accessToken);
      expect(negotiatedExtensions(compressed)).toContain('permessage-deflate');
      const pong = nextEvent(compressed, 'system:pong');
      await httpClient(api.url).post('/api/system/ping', { token: admin.accessToken, body: { nonce: 'deflated and inflated' } });
      expect((await pong).nonce).toBe('deflated and inflated');

      const plainApi = await startTestApp({ SOCKET_COMPRESSION: 'false' });
      try {
        const user = await registerUser(plainApi.url, 'plain');
        const plain = await connectSocket(plainApi.url, { token: user.accessToken });
        sockets.push(plain);
        expect(negotiatedExtensions(plain)).toBe('');
      } finally {
        await plainApi.close();
      }
    });

    it('refuses pings from non-admins and bad ping bodies', async () => {
      const user = await registerUser(api.url);
      const http = httpClient(api.url);
      expect((await http.post('/api/system/ping', { token: user.accessToken, body: { nonce: 'x' } })).status).toBe(403);
      const bad = await http.post('/api/system/ping', { token: admin.accessToken, body: { nonce: '', extra: true } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((issue: { path: string }) => issue.path).sort()).toEqual(['extra', 'nonce']);
      expect((await http.post('/api/system/ping', { body: { nonce: 'x' } })).status).toBe(401);
    });
  });

  describe('worker shutdown', () => {
    it('stops cleanly on SIGTERM', async () => {
      const extra = await startWorker(api.env);
      expect(await extra.stop()).toBe(0);
    });
  });
});
