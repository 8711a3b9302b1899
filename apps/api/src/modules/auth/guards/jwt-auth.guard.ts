import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@storyos/contracts';
import { AppError } from '../../../core/errors/app-error';
import type { AuthUser, VerifiedAccess } from '../auth-user';
import { AccessTokenService } from '../tokens/access-token.service';
import { IS_PUBLIC } from '../../../core/http/public.decorator';
import { REQUIRED_ROLE } from './auth.decorators';

type GuardedRequest = { access: VerifiedAccess; user: AuthUser };

/** Global guard: a valid access token of a live session unless `@Public()`, and the role `@RequireRole()` names. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const { user } = await this.accessTokens.ensureActive(request.access);
    request.user = user;
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    if (required && user.role !== required) throw AppError.forbidden('This page is for administrators only.');
    return true;
  }

  /** Passport puts the checked token on `request.access`; `request.user` is set once its session is known to be live. */
  override getAuthenticateOptions(): { property: string } {
    return { property: 'access' };
  }

  override handleRequest<T>(error: unknown, access: T | false, info: unknown): T {
    if (error instanceof AppError) throw error;
    if (!access) {
      const expired = (info as { name?: string } | undefined)?.name === 'TokenExpiredError';
      throw AppError.unauthenticated(expired ? 'Your session has expired. Please sign in again.' : 'Please sign in to continue.');
    }
    return access;
  }
}
