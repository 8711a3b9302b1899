import type { ErrorCode } from '@storyos/contracts';

/** The one error type the API throws on purpose; the global filter renders it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, such as `Retry-After`. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found.`);
  }

  static forbidden(message = 'You do not have permission to do this.'): AppError {
    return new AppError('FORBIDDEN', message);
  }

  static unauthenticated(message = 'Please sign in to continue.'): AppError {
    return new AppError('UNAUTHENTICATED', message);
  }

  static tooManyRequests(code: 'RATE_LIMITED' | 'QUOTA_EXCEEDED', message: string, retryAfterSeconds: number, details?: unknown): AppError {
    return new AppError(code, message, details, { 'Retry-After': String(retryAfterSeconds) });
  }
}
