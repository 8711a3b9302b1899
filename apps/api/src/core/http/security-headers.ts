import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

type HeaderEntry = readonly [name: string, value: string];

/**
 * Helmet's headers for our options depend on nothing in the request, so helmet
 * runs once at start-up against a recorder and each response gets the recorded
 * headers: the same names and values, without a dozen nested middleware calls
 * per request. Helmet stays the source of every value.
 */
export function securityHeaders(options: HelmetOptions): (request: Request, response: Response, next: NextFunction) => void {
  const headers = recordHelmetHeaders(options);
  return (_request, response, next) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    next();
  };
}

export function recordHelmetHeaders(options: HelmetOptions): HeaderEntry[] {
  const recorded = new Map<string, string>();
  let finished = false;
  const recorder = {
    setHeader: (name: string, value: string | number) => void recorded.set(name, String(value)),
    removeHeader: (name: string) => void recorded.delete(name),
  };
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // A helmet that read the request or answered later could not be recorded once.
  if (!finished) throw new Error('helmet did not finish synchronously; its headers cannot be recorded once');
  return [...recorded];
}
