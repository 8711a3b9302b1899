import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import type { AuthUser, VerifiedAccess } from '../auth-user';
import { ACCESS_TOKEN_ALGORITHM, readAccessClaims } from './access-token-claims';
import { RevokedSessions } from './revoked-sessions.service';

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Short-lived access JWTs; used by the HTTP guard and the socket handshake alike. */
@Injectable()
export class AccessTokenService {
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

  /** Signature (HS256 only), expiry, claims, and a session that has not ended; `invalidMessage` is what a bad signature is answered with. */
  async verify(token: string, invalidMessage = 'The access token is not valid. Please sign in again.'): Promise<VerifiedAccess> {
    let claims: unknown;
    try {
      claims = this.jwt.verify(token, { algorithms: [ACCESS_TOKEN_ALGORITHM] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw AppError.unauthenticated(expired ? 'Your session has expired. Please sign in again.' : invalidMessage);
    }
    return this.ensureActive(readAccessClaims(claims));
  }

  /** Refuses a token whose session was signed out or revoked, even though the token itself has not expired. */
  async ensureActive(access: VerifiedAccess): Promise<VerifiedAccess> {
    if (await this.revoked.isRevoked(access.sessionId)) throw AppError.unauthenticated('This session has ended. Please sign in again.');
    return access;
  }
}
