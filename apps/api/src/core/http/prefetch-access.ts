import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, type AccessVerifier } from './access-verifier';

/** First in the chain: a bearer token's session lookup starts while the rest of the request is parsed (see `AccessVerifier.prefetch`). */
export function prefetchAccess(verifier: AccessVerifier) {
  return (request: IncomingMessage, _response: ServerResponse, next: () => void): void => {
    const token = bearerToken(request.headers.authorization);
    if (token) verifier.prefetch(request, token);
    next();
  };
}
