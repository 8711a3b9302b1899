import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { toErrorBody } from './to-error-body';

/** Every HTTP error leaves as `{ code, message, details?, requestId }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    this.logger.setContext(AllExceptionsFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string | number; user?: { id: string } }>();
    const response = http.getResponse<Response>();
    const requestId = request.id === undefined ? undefined : String(request.id);
    const rendered = toErrorBody(exception, requestId);
    // The request id is named here too: errors raised before the request logger ran (body parsing) have no request context.
    const about = { requestId, userId: request.user?.id, method: request.method, path: request.path };
    if (rendered.unavailable) {
      this.logger.warn({ err: exception, dependency: rendered.unavailable, ...about }, `Request failed: the ${rendered.unavailable} is unreachable`);
    } else if (rendered.unexpected) {
      this.logger.error({ err: exception, ...about }, 'Request failed unexpectedly');
    } else {
      this.logger.info({ code: rendered.body.code, ...about }, rendered.body.message);
    }
    if (response.headersSent) return;
    response.set(rendered.headers).status(rendered.status).json(rendered.body);
  }
}
