import { Injectable } from '@nestjs/common';
import { REFRESH_COOKIE_NAME, REFRESH_TRANSPORT_HEADER, SESSION_HINT_COOKIE_NAME, type AuthSession } from '@storyos/contracts';
import type { Request, Response } from 'express';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { AppError } from '../../core/errors/app-error';
import { AccountsService } from './accounts/accounts.service';
import { toAuthUser, toUserContract } from './accounts/user.mapper';
import type { UserEntity } from './entities/user.entity';
import { AccessTokenService } from './tokens/access-token.service';
import { RefreshTokenService, type IssuedRefreshToken } from './tokens/refresh-token.service';

const COOKIE_PATH = '/api/auth';

/**
 * Hands out access + refresh tokens. Browsers (which send the transport
 * header) get the refresh token only as an httpOnly cookie; API clients get it
 * in the body.
 */
@Injectable()
export class AuthSessions {
  constructor(
    private readonly accounts: AccountsService,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async start(user: UserEntity, request: Request, response: Response): Promise<AuthSession> {
    return this.respond(user, await this.refreshTokens.issue(user.id), request, response);
  }

  async refresh(bodyToken: string | undefined, request: Request, response: Response): Promise<AuthSession> {
    const presented = this.presentedToken(bodyToken, request);
    if (!presented) throw AppError.unauthenticated('No session to refresh. Please sign in.');
    try {
      const { userId, next } = await this.refreshTokens.rotate(presented);
      return this.respond(await this.accounts.findById(userId), next, request, response);
    } catch (error) {
      this.clearCookie(response);
      throw error;
    }
  }

  async end(bodyToken: string | undefined, request: Request, response: Response): Promise<void> {
    const presented = this.presentedToken(bodyToken, request);
    if (presented) await this.refreshTokens.revoke(presented);
    this.clearCookie(response);
  }

  private respond(user: UserEntity, refresh: IssuedRefreshToken, request: Request, response: Response): AuthSession {
    const access = this.accessTokens.sign(toAuthUser(user), refresh.familyId);
    response.cookie(REFRESH_COOKIE_NAME, refresh.token, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: COOKIE_PATH,
      expires: refresh.expiresAt,
    });
    response.cookie(SESSION_HINT_COOKIE_NAME, '1', { httpOnly: false, secure: this.config.auth.cookieSecure, sameSite: 'strict', path: '/', expires: refresh.expiresAt });
    const browser = request.header(REFRESH_TRANSPORT_HEADER) === 'cookie';
    return {
      user: toUserContract(user),
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      ...(browser ? {} : { refreshToken: refresh.token }),
    };
  }

  private presentedToken(bodyToken: string | undefined, request: Request): string | undefined {
    const cookie = (request.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE_NAME];
    return bodyToken ?? cookie;
  }

  private clearCookie(response: Response): void {
    response.clearCookie(REFRESH_COOKIE_NAME, { path: COOKIE_PATH, httpOnly: true, secure: this.config.auth.cookieSecure, sameSite: 'strict' });
    response.clearCookie(SESSION_HINT_COOKIE_NAME, { path: '/', secure: this.config.auth.cookieSecure, sameSite: 'strict' });
  }
}
