import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@storyos/contracts';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../../core/errors/app-error';
import { bearerToken } from '../../../core/http/access-verifier';
import { IS_PUBLIC } from '../../../core/http/public.decorator';
import type { AuthUser, VerifiedAccess } from '../auth-user';
import { AccessTokenService } from '../tokens/access-token.service';
import { REQUIRED_ROLE } from './auth.decorators';

type GuardedRequest = { headers: IncomingHttpHeaders; access: VerifiedAccess; user: AuthUser };

/**
 * Global guard: a valid access token of a live session unless `@Public()`, and
 * the role `@RequireRole()` names. It checks the token itself (HS256 with the
 * key object made once at start-up): a passport strategy per request cost more
 * than the check it wraps.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw AppError.unauthenticated('Please sign in to continue.');
    const access = await this.accessTokens.verify(token, 'Please sign in to continue.', request);
    request.access = access;
    request.user = access.user;
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    if (required && access.user.role !== required) throw AppError.forbidden('This page is for administrators only.');
    return true;
  }
}
