import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { AppError } from '../../../core/errors/app-error';
import { MediaErrors } from '../media.errors';

/** What one multipart route takes: one file of at most `maxBytes` in `field`; `noun` names it in messages ("picture", "recording"). */
export interface SingleFileLimits {
  field: string;
  maxBytes: number;
  noun: string;
}

/**
 * Reads one file from a multipart body into memory, within hard limits: one
 * file in the named field, no other fields worth the name. Failures caused
 * by the body the client sent become plain-words 4xx errors.
 */
export function singleFileReader(limits: SingleFileLimits): (request: Request, response: Response) => Promise<void> {
  const read = multer({
    storage: multer.memoryStorage(),
    // Browsers send file names as raw UTF-8 without a charset parameter.
    defParamCharset: 'utf8',
    limits: { fileSize: limits.maxBytes, files: 1, fields: 4, fieldSize: 1024, fieldNameSize: 64, parts: 6, headerPairs: 20 },
  }).single(limits.field);
  return async (request, response) => {
    if (!request.is('multipart/form-data')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the ${limits.noun} as multipart/form-data, in a field named "${limits.field}".`);
    }
    await new Promise<void>((resolve, reject) => read(request, response, (error: unknown) => (error ? reject(toAppError(error, limits)) : resolve())));
  };
}

function toAppError(error: unknown, limits: SingleFileLimits): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return MediaErrors.tooLarge(limits.maxBytes, limits.noun);
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError('VALIDATION_FAILED', `Send one ${limits.noun}, in a field named "${limits.field}".`, [{ path: error.field ?? limits.field, message: 'Unexpected file' }]);
      default:
        return new AppError('BAD_REQUEST', `The upload form has too many or too large parts (${error.code}).`);
    }
  }
  return new AppError('BAD_REQUEST', 'The upload could not be read: the multipart body is malformed or ended early.');
}
