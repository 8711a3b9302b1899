import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { RoleSchema } from '@storyos/contracts';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import type { AccessTokenClaims, AuthUser } from '../auth-user';

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Short-lived access JWTs; used by the HTTP guard and the socket handshake alike. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  sign(user: AuthUser): SignedAccessToken {
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, guest: user.isGuest };
    return { token: this.jwt.sign(claims, { expiresIn: ttl }), expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  verify(token: string): AuthUser {
    try {
      return toAuthUser(this.jwt.verify<AccessTokenClaims>(token));
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw AppError.unauthenticated(expired ? 'Your session has expired. Please sign in again.' : 'The access token is not valid.');
    }
  }
}

export function toAuthUser(claims: AccessTokenClaims): AuthUser {
  const role = RoleSchema.safeParse(claims.role);
  if (typeof claims.sub !== 'string' || !role.success) throw AppError.unauthenticated('The access token is not valid.');
  return { id: claims.sub, role: role.data, isGuest: claims.guest === true };
}
