import type { ScenarioVisibility } from '@storyos/contracts';
import type { AuthUser } from '../../auth/auth-user';

interface ScenarioOwnership {
  authorId: string | null;
  visibility: ScenarioVisibility;
}

/** Private ones are their author's alone; archived ones stay visible to their author and to admins. */
export function canView(user: AuthUser, scenario: ScenarioOwnership): boolean {
  if (scenario.visibility === 'public') return true;
  if (scenario.authorId === user.id) return true;
  return scenario.visibility === 'archived' && user.role === 'admin';
}

/** Admins edit anything they can see; a user edits only their own private scenarios. */
export function canEdit(user: AuthUser, scenario: ScenarioOwnership): boolean {
  if (user.role === 'admin') return canView(user, scenario);
  return scenario.authorId === user.id && scenario.visibility === 'private';
}

/** Only admins publish or archive. */
export function canSetVisibility(user: AuthUser, visibility: ScenarioVisibility): boolean {
  return user.role === 'admin' || visibility === 'private';
}
