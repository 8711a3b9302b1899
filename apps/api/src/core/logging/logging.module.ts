import { Module, RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestIdOf } from '../http/request-id';

/** JSON logs (pino); every line written while handling a request carries its id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Every route, in the path syntax of Nest 11 (nestjs-pino 4's default '*' draws a deprecation warning at start-up).
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        // Probes hit liveness every few seconds and log nothing: no request logger is built for them.
        exclude: [{ path: 'health', method: RequestMethod.GET }],
        pinoHttp: {
          level: config.log.level,
          genReqId: requestIdOf,
          customProps: (request: IncomingMessage) => ({ userId: (request as IncomingMessage & { user?: { id: string } }).user?.id }),
          autoLogging: { ignore: (request: IncomingMessage) => request.url === '/metrics' || request.url === '/api/health' },
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            // The status is what an access log needs; every response header (CSP and the rest) on every line cost CPU and disk for nothing.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
