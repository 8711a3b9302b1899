import type { Role } from '@storyos/contracts';

/**
 * The first registered account becomes the admin when no admin was configured
 * at start-up, so a fresh instance is never left without one.
 */
export function initialRoleFor(adminExists: boolean): Role {
  return adminExists ? 'user' : 'admin';
}
