import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import type { AccessVerifier } from '../../../core/http/access-verifier';
import type { AuthUser, VerifiedAccess } from '../auth-user';
import { ACCESS_TOKEN_ALGORITHM, readAccessClaims } from './access-token-claims';
import { RevokedSessions } from './revoked-sessions.service';

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/** A session's lookup begun as its request arrived (`prefetch`), for the session the token names before it is checked. */
interface PrefetchedLookup {
  sessionId: string;
  revoked: Promise<boolean>;
}

/** Short-lived access JWTs; used by the HTTP guard and the socket handshake alike. */
@Injectable()
export class AccessTokenService implements AccessVerifier {
  private readonly prefetched = new WeakMap<object, PrefetchedLookup>();

  constructor(
    private readonly jwt: JwtService,
    private readonly revoked: RevokedSessions,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  sign(user: AuthUser, sessionId: string): SignedAccessToken {
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const claims = { sub: user.id, role: user.role, guest: user.isGuest, sid: sessionId };
    return { token: this.jwt.sign(claims, { expiresIn: ttl, algorithm: ACCESS_TOKEN_ALGORITHM }), expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /**
   * Signature (HS256 only), expiry, claims, and a session that has not ended; `invalidMessage` is what a bad signature is answered with.
   * `request`: the one whose lookup `prefetch` began, used when it was for the session this token's checked claims name.
   */
  async verify(token: string, invalidMessage = 'The access token is not valid. Please sign in again.', request?: object): Promise<VerifiedAccess> {
    let claims: unknown;
    try {
      claims = this.jwt.verify(token, { algorithms: [ACCESS_TOKEN_ALGORITHM] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw AppError.unauthenticated(expired ? 'Your session has expired. Please sign in again.' : invalidMessage);
    }
    const access = readAccessClaims(claims);
    // A token whose session was signed out or revoked is refused, though the token itself has not expired.
    const prefetched = request && this.prefetched.get(request);
    const revoked = prefetched?.sessionId === access.sessionId ? prefetched.revoked : this.revoked.isRevoked(access.sessionId);
    if (await revoked) throw AppError.unauthenticated('This session has ended. Please sign in again.');
    return access;
  }

  /** Looks the session up by the id the token claims, unchecked: `verify` uses the answer only for that same session, once the token is checked. */
  prefetch(request: object, token: string): void {
    let sessionId: string | undefined;
    try {
      sessionId = unverifiedSessionId(this.jwt.decode(token));
    } catch {
      return; // not a token at all: verify refuses it
    }
    if (!sessionId) return;
    const revoked = this.revoked.isRevoked(sessionId);
    // Answered where it is used; a lookup nobody waits for (a public route) must not fail the process.
    revoked.catch(() => undefined);
    this.prefetched.set(request, { sessionId, revoked });
  }
}

/** The session id a token's payload claims, read without checking it. */
function unverifiedSessionId(payload: unknown): string | undefined {
  const sid = (payload as { sid?: unknown } | null)?.sid;
  return typeof sid === 'string' && sid.length <= 100 ? sid : undefined;
}
