import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { QueueDashboardAccess as Access } from '@storyos/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { AppError } from '../../../core/errors/app-error';
import { AccountsService } from '../../auth/accounts/accounts.service';
import type { VerifiedAccess } from '../../auth/auth-user';
import { RevokedSessions } from '../../auth/tokens/revoked-sessions.service';

/** Where bull-board is mounted, under the API's global prefix (it expects the leading slash); the cookie is sent nowhere else. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';
export const QUEUE_DASHBOARD_PATH = `/api${QUEUE_DASHBOARD_ROUTE}`;
export const QUEUE_DASHBOARD_COOKIE = 'storyos_queue_dashboard';
/** The cookie's token names this audience and is signed with a key of its own, so it is no access token and no access token is one. */
export const QUEUE_DASHBOARD_AUDIENCE = 'storyos:queue-dashboard';

const ClaimsSchema = z.object({ sub: z.uuid(), sid: z.uuid() });

/**
 * Opens the queue dashboard to admins. A browser page cannot send a bearer
 * header, so an admin's API call trades its access token for a short-lived,
 * signed, httpOnly, SameSite=strict cookie scoped to the dashboard's path.
 * Every dashboard request (page, assets, its JSON API) then needs that cookie,
 * a sign-in session that has not ended, and an account that is admin now.
 */
@Injectable()
export class QueueDashboardAccessService {
  constructor(
    private readonly jwt: JwtService,
    private readonly revoked: RevokedSessions,
    private readonly accounts: AccountsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Sets the cookie for this admin's session. It lives as long as an access token, so a sign-out's revocation outlasts it. */
  grant(access: VerifiedAccess, response: Response): Access {
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const expiresAt = new Date(Date.now() + ttl * 1000);
    const token = this.jwt.sign({ sub: access.user.id, sid: access.sessionId }, { expiresIn: ttl });
    response.cookie(QUEUE_DASHBOARD_COOKIE, token, { httpOnly: true, secure: this.config.auth.cookieSecure, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH, expires: expiresAt });
    return { url: `${QUEUE_DASHBOARD_PATH}/`, expiresAt: expiresAt.toISOString() };
  }

  /** Runs before every dashboard request; a refusal goes through the app's exception filter like any other error. */
  guard(): RequestHandler {
    return async (request: Request, _response: Response, next: NextFunction): Promise<void> => {
      await this.admit(request);
      next();
    };
  }

  private async admit(request: Request): Promise<void> {
    const token = (request.cookies as Record<string, string> | undefined)?.[QUEUE_DASHBOARD_COOKIE];
    if (!token) throw AppError.unauthenticated('The queue dashboard opens from the System page: sign in as an administrator and open it there.');
    const { sub, sid } = this.verify(token);
    if (await this.revoked.isRevoked(sid)) throw AppError.unauthenticated('This session has ended. Sign in again and open the queue dashboard from the System page.');
    const user = await this.accounts.findById(sub);
    if (user.role !== 'admin') throw AppError.forbidden('The queue dashboard is for administrators only.');
  }

  private verify(token: string): z.infer<typeof ClaimsSchema> {
    let claims: unknown;
    try {
      claims = this.jwt.verify(token);
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw AppError.unauthenticated(expired ? 'The queue dashboard was open too long: open it again from the System page.' : 'The queue dashboard link is not valid: open it again from the System page.');
    }
    const parsed = ClaimsSchema.safeParse(claims);
    if (!parsed.success) throw AppError.unauthenticated('The queue dashboard link is not valid: open it again from the System page.');
    return parsed.data;
  }
}
