import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import type { AuthUser } from '../auth-user';
import { ACCESS_TOKEN_ALGORITHM } from '../tokens/access-token-claims';
import { AccessTokenService } from '../tokens/access-token.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @InjectConfig() config: AppConfig,
    private readonly accessTokens: AccessTokenService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  async validate(claims: unknown): Promise<AuthUser> {
    return (await this.accessTokens.authorize(claims)).user;
  }
}
