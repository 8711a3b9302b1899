import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@storyos/contracts';
import type { AuthUser, VerifiedAccess } from '../auth-user';

export const REQUIRED_ROLE = 'storyos:requiredRole';

export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** The verified access token: the caller and the sign-in session it belongs to. */
export const CurrentAccess = createParamDecorator((_: unknown, context: ExecutionContext): VerifiedAccess => {
  return context.switchToHttp().getRequest<{ access: VerifiedAccess }>().access;
});
