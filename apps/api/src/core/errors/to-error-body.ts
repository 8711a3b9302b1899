import { HttpException } from '@nestjs/common';
import type { ErrorBody, ErrorCode, FieldIssue } from '@storyos/contracts';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { AppError } from './app-error';
import { type Dependency, unavailableDependency } from './unavailable-dependency';
import { ERROR_STATUS } from './error-status';

export interface RenderedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True for failures on our side, which are logged with their stack. */
  unexpected: boolean;
  /** Set when the cause is a dependency that cannot be reached (logged as such, answered with 503). */
  unavailable?: Dependency;
}

/** How long a client should wait before trying again when a dependency is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** One line per field problem; a rule broken two ways is reported once. */
export function fieldIssues(error: ZodError): FieldIssue[] {
  const issues = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { path: [...issue.path, ...issue.keys].join('.'), message: `Unknown field: ${issue.keys.join(', ')}` };
    }
    return { path: issue.path.join('.') || '(body)', message: issue.message };
  });
  return issues.filter((issue, index) => issues.findIndex((other) => other.path === issue.path && other.message === issue.message) === index);
}

/** Turns anything thrown into the one error body shape every client sees. */
export function toErrorBody(error: unknown, requestId?: string): RenderedError {
  const make = (code: ErrorCode, message: string, details?: unknown, headers: Record<string, string> = {}, unexpected = false): RenderedError => ({
    status: ERROR_STATUS[code],
    body: { code, message, ...(details === undefined ? {} : { details }), requestId },
    headers,
    unexpected,
  });

  if (error instanceof AppError) return make(error.code, error.message, error.details, error.headers);
  if (error instanceof ZodValidationException) {
    const zodError = error.getZodError();
    const details = zodError instanceof ZodError ? fieldIssues(zodError) : undefined;
    return make('VALIDATION_FAILED', describeIssues(details), details);
  }
  if (error instanceof ZodError) return make('VALIDATION_FAILED', describeIssues(fieldIssues(error)), fieldIssues(error));
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_STATUS_CODES[status];
    if (code) return make(code, messageOf(error));
  }
  const dependency = unavailableDependency(error);
  if (dependency) {
    return {
      ...make('SERVICE_UNAVAILABLE', 'StoryOS cannot reach one of its services right now. Please try again in a moment.', undefined, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) }),
      unavailable: dependency,
    };
  }
  return make('INTERNAL', 'Something went wrong on our side. Please try again; if it keeps happening, quote the request id.', undefined, {}, true);

}

function describeIssues(issues: FieldIssue[] | undefined): string {
  if (!issues?.length) return 'The request is not valid.';
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return first.path === '(body)' ? `${first.message}${more}` : `${first.path}: ${first.message}${more}`;
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return error.message;
}
