import type { Role } from '@storyos/contracts';

/**
 * Checks a bearer access token for core's own gates (the API documentation
 * for admins). Core declares what it needs; the auth module provides it, so
 * core never reaches into a feature module.
 */
export abstract class AccessVerifier {
  /** Rejects with an AppError (401) when the token is not a live session's. */
  abstract verify(token: string): Promise<{ user: { role: Role } }>;

  /**
   * Called as a request with a bearer token arrives, before its body is
   * read: starts what checking the token waits on (its session's lookup), so
   * that it goes on meanwhile. It decides nothing: the check itself is still
   * made in full where the request is let in, and refuses on that answer.
   * Never throws.
   */
  abstract prefetch(request: object, token: string): void;
}

const BEARER = /^bearer\s+(\S+)$/i;

/** The token of an `Authorization: Bearer …` header, if that is what it holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}
