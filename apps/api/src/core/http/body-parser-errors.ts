import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

/** Turns body-parser failures into our error codes before Nest flattens them into a bare 400. */
export function translateBodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return next(new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
  if (type === 'entity.parse.failed') {
    return next(new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.', [{ path: '(body)', message: 'Malformed JSON' }]));
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return next(new AppError('BAD_REQUEST', 'The request body encoding is not supported.'));
  next(error);
}
