import { ErrorBodySchema, type ErrorCode, type FieldIssue, FieldIssueSchema } from '@storyos/contracts';

export const NETWORK_ERROR_MESSAGE = 'Cannot reach the StoryOS server. Check your connection.';

/** Every failed API call surfaces as this one error, carrying the server's plain-words message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly status: number,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
  }

  /** Field problems of a VALIDATION_FAILED error, keyed by the dotted field path. */
  fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const errors: Record<string, string> = {};
    for (const item of this.details) {
      const issue = FieldIssueSchema.safeParse(item);
      // Keep the first message per field: it is the one a user should fix first.
      if (issue.success && !(issue.data.path in errors)) errors[issue.data.path] = issue.data.message;
    }
    return errors;
  }

  static network(): ApiError {
    return new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, 0);
  }

  /** Builds the error from a response body; bodies that are not ours (a proxy page, say) still read well. */
  static fromBody(status: number, body: unknown): ApiError {
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details, requestId } = parsed.data;
      return new ApiError(code, message, status, details, requestId);
    }
    return new ApiError(statusToCode(status), fallbackMessage(status), status);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * Whether an error was unexpected — something broke on our side — so the
 * request reference is worth showing for support. A wrong password, a full
 * allowance or a stale edit is an answer, not a fault: no reference.
 */
export function isUnexpected(error: ApiError): boolean {
  return error.code === 'INTERNAL' || error.status >= 500;
}

export type { FieldIssue };

function statusToCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return 'BAD_REQUEST';
}

function fallbackMessage(status: number): string {
  if (status === 502 || status === 503 || status === 504) {
    return 'The StoryOS server is not available right now. Please try again in a moment.';
  }
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `The request failed (HTTP ${status}).`;
}
