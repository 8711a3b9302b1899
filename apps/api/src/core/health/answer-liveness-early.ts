import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { HealthController } from './health.controller';

const LIVENESS_PATH = '/api/health';

/**
 * Orchestrators probe liveness every few seconds: it is answered right after
 * the security headers, CORS and the request timer, before the cookie and
 * body parsers and Nest's router, none of which a probe needs. The body comes
 * from the documented controller route, which still answers every spelling
 * this exact one does not (a trailing slash, another case).
 */
export function answerLivenessEarly(app: NestExpressApplication): void {
  const health = app.get(HealthController);
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || pathOf(request.url) !== LIVENESS_PATH) return next();
    response.locals['route'] = LIVENESS_PATH;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(health.live()));
  });
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
