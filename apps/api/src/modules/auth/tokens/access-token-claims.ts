import { RoleSchema } from '@storyos/contracts';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error';
import type { VerifiedAccess } from '../auth-user';

/** The only algorithm access tokens are signed and accepted with; a token naming another (HS512, none) is refused. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/** What an access token must carry; `exp` is required, since a token without one would never expire. */
export const AccessTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  role: RoleSchema,
  guest: z.boolean(),
  /** The refresh token family (sign-in session); revoking it ends its access tokens too. */
  sid: z.uuid(),
  exp: z.number().int(),
});
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

/** The caller and session an access token names, once its signature has been checked; refuses any other shape. */
export function readAccessClaims(claims: unknown): VerifiedAccess {
  const parsed = AccessTokenClaimsSchema.safeParse(claims);
  if (!parsed.success) throw AppError.unauthenticated('The access token is not valid. Please sign in again.');
  const { sub, role, guest, sid } = parsed.data;
  return { user: { id: sub, role, isGuest: guest }, sessionId: sid };
}
