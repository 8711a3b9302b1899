import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@storyos/contracts';
import { AppError } from '../../../core/errors/app-error';
import type { AuthUser } from '../auth-user';
import { IS_PUBLIC, REQUIRED_ROLE } from './auth.decorators';

/** Global guard: a valid access token unless `@Public()`, and the role `@RequireRole()` names. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (required && user.role !== required) throw AppError.forbidden('This page is for administrators only.');
    return true;
  }

  override handleRequest<T>(error: unknown, user: T | false, info: unknown): T {
    if (error instanceof AppError) throw error;
    if (!user) {
      const expired = (info as { name?: string } | undefined)?.name === 'TokenExpiredError';
      throw AppError.unauthenticated(expired ? 'Your session has expired. Please sign in again.' : 'Please sign in to continue.');
    }
    return user;
  }
}
