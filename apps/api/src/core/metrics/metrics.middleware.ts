import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics';

/**
 * Times every request, labelled by the matched route pattern (not the raw URL) to keep cardinality low;
 * a handler answering ahead of the router names its route in `response.locals.route`.
 */
export function metricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const stop = httpRequestDuration.startTimer({ method: request.method });
  response.on('finish', () => {
    const route = (request.route as { path?: string } | undefined)?.path;
    const early = response.locals['route'] as string | undefined;
    stop({ route: route ? `${request.baseUrl}${route}` : (early ?? 'unmatched'), status: String(response.statusCode) });
  });
  next();
}
