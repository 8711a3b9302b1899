import { RequestMethod, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { metricsMiddleware } from '../metrics/metrics.middleware';
import { useLargeBodyRoutes } from './body-limits';
import { translateBodyParserErrors } from './body-parser-errors';
import { answerMalformedRequests } from './malformed-requests';
import { setUpOpenApi } from './openapi';
import { assignRequestId } from './request-id';
import { serveWebApp } from './serve-web-app';

/** Everything the HTTP process sets up around Nest, shared by `main.ts` and the tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  answerMalformedRequests(app.getHttpServer());
  app.use(assignRequestId);
  app.set('trust proxy', config.http.trustProxy ? 1 : false);
  app.disable('x-powered-by');
  app.use(metricsMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Media needs the bearer token, so pictures and narration are fetched and shown from blob: URLs.
        directives: { 'connect-src': ["'self'", 'ws:', 'wss:'], 'img-src': ["'self'", 'data:', 'blob:'], 'media-src': ["'self'", 'blob:'] },
      },
    }),
  );
  app.use(cookieParser());
  useLargeBodyRoutes(app);
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.use(translateBodyParserErrors);
  app.enableCors({ origin: config.http.corsOrigins, credentials: true });
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  setUpOpenApi(app, config);
  if (config.http.webDistDir) serveWebApp(app, config.http.webDistDir);
  return app;
}
