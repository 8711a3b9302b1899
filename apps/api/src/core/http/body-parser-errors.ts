import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

interface BodyReadError {
  status?: unknown;
  type?: unknown;
}

/**
 * Turns body-parser failures (all of them 4xx: the client's body was too big,
 * not JSON, or not what its Content-Encoding said) into our error codes,
 * before Nest would flatten them into a 500.
 */
export function translateBodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const { status, type } = (error ?? {}) as BodyReadError;
  if (type === 'entity.too.large' || status === 413) return next(new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
  if (type === 'entity.parse.failed') {
    return next(new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.', [{ path: '(body)', message: 'Malformed JSON' }]));
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported' || status === 415) {
    return next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body uses an encoding or character set the API does not read. Send UTF-8 JSON, optionally gzip, deflate or br compressed.'));
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return next(new AppError('BAD_REQUEST', 'The request body could not be read: it does not match its Content-Encoding or ended early.'));
  }
  next(error);
}
