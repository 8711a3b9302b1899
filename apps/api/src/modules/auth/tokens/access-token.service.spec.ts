import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { AccessTokenService } from './access-token.service';
import type { RevokedSessions } from './revoked-sessions.service';

const SECRET = 'a-test-secret-long-enough-for-hs256-0123456789';
const config = { auth: { accessTokenTtlSeconds: 900 } } as AppConfig;
const user = { id: 'user-1', role: 'user' as const, isGuest: false };

/** Revoked session ids, and every lookup made. */
function revocations(revoked: string[] = []) {
  const lookups: string[] = [];
  const sessions = { isRevoked: jest.fn(async (sessionId: string) => (lookups.push(sessionId), revoked.includes(sessionId))) };
  return { sessions: sessions as unknown as RevokedSessions, lookups, isRevoked: sessions.isRevoked };
}

function service(revoked: RevokedSessions): AccessTokenService {
  return new AccessTokenService(new JwtService({ secret: SECRET }), revoked, config);
}

describe('an access token whose session lookup began as its request arrived', () => {
  it('is checked with that one lookup', async () => {
    const { sessions, lookups } = revocations();
    const tokens = service(sessions);
    const sessionId = randomUUID();
    const { token } = tokens.sign(user, sessionId);
    const request = {};

    tokens.prefetch(request, token);
    const access = await tokens.verify(token, 'Please sign in to continue.', request);

    expect(access).toEqual({ user, sessionId });
    expect(lookups).toEqual([sessionId]);
  });

  it('is refused when that session has ended', async () => {
    const sessionId = randomUUID();
    const { sessions } = revocations([sessionId]);
    const tokens = service(sessions);
    const { token } = tokens.sign(user, sessionId);
    const request = {};

    tokens.prefetch(request, token);

    await expect(tokens.verify(token, 'Please sign in to continue.', request)).rejects.toMatchObject({ message: 'This session has ended. Please sign in again.' });
  });

  it('is refused on its signature, whatever the lookup of the session it claims said', async () => {
    const { sessions } = revocations();
    const tokens = service(sessions);
    const forged = new JwtService({ secret: `${SECRET}-not-ours` }).sign({ sub: 'user-1', role: 'admin', guest: false, sid: randomUUID() }, { expiresIn: 900 });
    const request = {};

    tokens.prefetch(request, forged);

    await expect(tokens.verify(forged, 'Please sign in to continue.', request)).rejects.toMatchObject({ message: 'Please sign in to continue.' });
  });

  it("does not let one session's answer stand for another's", async () => {
    const ended = randomUUID();
    const { sessions, lookups } = revocations([ended]);
    const tokens = service(sessions);
    const live = tokens.sign(user, randomUUID());
    const request = {};

    // Looked up for a live session's token, then asked about an ended session's token on the same request.
    tokens.prefetch(request, live.token);
    const endedToken = tokens.sign(user, ended).token;

    await expect(tokens.verify(endedToken, 'Please sign in to continue.', request)).rejects.toBeInstanceOf(AppError);
    expect(lookups).toContain(ended);
  });

  it('fails as a lookup made at the check would, when the store cannot answer', async () => {
    const { sessions, isRevoked } = revocations();
    isRevoked.mockRejectedValueOnce(new Error('Redis is unreachable'));
    const tokens = service(sessions);
    const { token } = tokens.sign(user, randomUUID());
    const request = {};

    tokens.prefetch(request, token);

    await expect(tokens.verify(token, 'Please sign in to continue.', request)).rejects.toThrow('Redis is unreachable');
  });

  it('starts nothing, and never throws, for what is not a token', () => {
    const { sessions, lookups } = revocations();
    const tokens = service(sessions);

    for (const junk of ['', 'not-a-jwt', 'a.b.c', `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('[1,2]').toString('base64url')}.x`]) {
      expect(() => tokens.prefetch({}, junk)).not.toThrow();
    }
    expect(lookups).toEqual([]);
  });
});
