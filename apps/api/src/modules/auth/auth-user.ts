import type { Role } from '@storyos/contracts';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  isGuest: boolean;
}

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  guest: boolean;
}
