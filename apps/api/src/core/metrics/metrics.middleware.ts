import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics';

/** Times every request, labelled by the matched route pattern (not the raw URL) to keep cardinality low. */
export function metricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const stop = httpRequestDuration.startTimer({ method: request.method });
  response.on('finish', () => {
    const route = (request.route as { path?: string } | undefined)?.path;
    stop({ route: route ? `${request.baseUrl}${route}` : 'unmatched', status: String(response.statusCode) });
  });
  next();
}
