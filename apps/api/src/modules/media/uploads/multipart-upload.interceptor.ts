import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { MAX_UPLOAD_BYTES, UPLOAD_FIELD_NAME } from '@storyos/contracts';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { finalize, from, switchMap, type Observable } from 'rxjs';
import { AppError } from '../../../core/errors/app-error';
import type { AuthUser } from '../../auth/auth-user';
import { MediaErrors } from '../media.errors';
import { UploadThrottle } from './upload-throttle';

/**
 * Reads one file from a multipart body into memory, within hard limits: one
 * file of at most MAX_UPLOAD_BYTES in the `file` field, no other fields worth
 * the name. Runs after the throttle, so a flood is refused before it is read.
 */
const readMultipart = multer({
  storage: multer.memoryStorage(),
  // Browsers send file names as raw UTF-8 without a charset parameter.
  defParamCharset: 'utf8',
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024, fieldNameSize: 64, parts: 6, headerPairs: 20 },
}).single(UPLOAD_FIELD_NAME);

@Injectable()
export class MultipartUploadInterceptor implements NestInterceptor {
  constructor(private readonly throttle: UploadThrottle) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user: AuthUser }>();
    const response = http.getResponse<Response>();
    return from(this.admitAndRead(request, response)).pipe(switchMap((release) => next.handle().pipe(finalize(() => void release()))));
  }

  private async admitAndRead(request: Request & { user: AuthUser }, response: Response): Promise<() => Promise<void>> {
    const release = await this.throttle.admit(request.user.id);
    try {
      if (!request.is('multipart/form-data')) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the picture as multipart/form-data, in a field named "${UPLOAD_FIELD_NAME}".`);
      }
      await new Promise<void>((resolve, reject) => readMultipart(request, response, (error: unknown) => (error ? reject(toAppError(error)) : resolve())));
      return release;
    } catch (error) {
      await release();
      throw error;
    }
  }
}

/** Multer's and busboy's failures, all caused by the body the client sent, in plain words. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return MediaErrors.tooLarge(MAX_UPLOAD_BYTES);
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError('VALIDATION_FAILED', `Send one picture, in a field named "${UPLOAD_FIELD_NAME}".`, [{ path: error.field ?? UPLOAD_FIELD_NAME, message: 'Unexpected file' }]);
      default:
        return new AppError('BAD_REQUEST', `The upload form has too many or too large parts (${error.code}).`);
    }
  }
  return new AppError('BAD_REQUEST', 'The upload could not be read: the multipart body is malformed or ended early.');
}
