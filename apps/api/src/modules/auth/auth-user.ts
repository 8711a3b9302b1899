import type { Role } from '@storyos/contracts';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  isGuest: boolean;
}

/** A verified access token: the caller and the sign-in session (refresh token family) it belongs to. */
export interface VerifiedAccess {
  user: AuthUser;
  sessionId: string;
}
