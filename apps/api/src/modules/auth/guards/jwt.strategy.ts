import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import type { VerifiedAccess } from '../auth-user';
import { ACCESS_TOKEN_ALGORITHM, readAccessClaims } from '../tokens/access-token-claims';

/**
 * Checks the bearer token's signature (HS256 only), expiry and claims. It
 * stays stateless on purpose: passport keeps one strategy per name for the
 * whole process, so whether the session has ended is asked by the guard.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@InjectConfig() config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  validate(claims: unknown): VerifiedAccess {
    return readAccessClaims(claims);
  }
}
