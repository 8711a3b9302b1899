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
    const rendered = toErrorBody(exception, request.id === undefined ? undefined : String(request.id));
    if (rendered.unexpected) {
      this.logger.error({ err: exception, userId: request.user?.id, path: request.path }, 'Request failed unexpectedly');
    } else {
      this.logger.info({ code: rendered.body.code, userId: request.user?.id, path: request.path }, rendered.body.message);
    }
    if (response.headersSent) return;
    response.set(rendered.headers).status(rendered.status).json(rendered.body);
  }
}
