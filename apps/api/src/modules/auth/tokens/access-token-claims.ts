import { RoleSchema } from '@storyos/contracts';
import { z } from 'zod';

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
