import { RequestMethod, type INestApplication } from '@nestjs/common';
import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { answerLivenessEarly } from '../health/answer-liveness-early';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { metricsMiddleware } from '../metrics/metrics.middleware';
import { useLargeBodyRoutes } from './body-limits';
import { translateBodyParserErrors } from './body-parser-errors';
import { answerMalformedRequests } from './malformed-requests';
import { setUpOpenApi } from './openapi';
import { AccessVerifier } from './access-verifier';
import { prefetchAccess } from './prefetch-access';
import { assignRequestId } from './request-id';
import { securityHeaders } from './security-headers';
import { serveWebApp } from './serve-web-app';

/**
 * How the HTTP process is created (`main.ts` and the tests): the API reads
 * JSON only, so Nest's default JSON and form parsers are not installed;
 * `configureApp` adds the JSON one with our limits.
 */
export const HTTP_APP_OPTIONS: NestApplicationOptions = { bufferLogs: true, bodyParser: false };

/** Everything the HTTP process sets up around Nest, shared by `main.ts` and the tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  answerMalformedRequests(app.getHttpServer());
  app.use(assignRequestId);
  app.use(prefetchAccess(app.get(AccessVerifier)));
  app.set('trust proxy', config.http.trustProxy ? 1 : false);
  app.disable('x-powered-by');
  // A hash of every JSON body for If-None-Match that no client of ours sends; media routes set their own ETags.
  app.set('etag', false);
  app.use(metricsMiddleware);
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        // Media needs the bearer token, so pictures and narration are fetched and shown from blob: URLs.
        directives: { 'connect-src': ["'self'", 'ws:', 'wss:'], 'img-src': ["'self'", 'data:', 'blob:'], 'media-src': ["'self'", 'blob:'] },
      },
    }),
  );
  // Before the body parsers, so a refused body's error can still be read by an allowed origin.
  app.enableCors({ origin: config.http.corsOrigins, credentials: true });
  answerLivenessEarly(app);
  app.use(cookieParser());
  useLargeBodyRoutes(app);
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.use(translateBodyParserErrors);
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  setUpOpenApi(app, config);
  if (config.http.webDistDir) serveWebApp(app, config.http.webDistDir);
  return app;
}
