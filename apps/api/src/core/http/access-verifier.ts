import type { Role } from '@storyos/contracts';

/**
 * Checks a bearer access token for core's own gates (the API documentation
 * for admins). Core declares what it needs; the auth module provides it, so
 * core never reaches into a feature module.
 */
export abstract class AccessVerifier {
  /** Rejects with an AppError (401) when the token is not a live session's. */
  abstract verify(token: string): Promise<{ user: { role: Role } }>;
}
