import type { User } from '@storyos/contracts';
import type { AuthUser } from '../auth-user';
import type { UserEntity } from '../entities/user.entity';

export function toUserContract(user: UserEntity): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    isGuest: user.isGuest,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toAuthUser(user: UserEntity): AuthUser {
  return { id: user.id, role: user.role, isGuest: user.isGuest };
}
