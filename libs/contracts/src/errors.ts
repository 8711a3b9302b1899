import { z } from 'zod';

/**
 * Every error the API returns carries one of these codes. The HTTP status for
 * each code is fixed by the API's exhaustive map; clients branch on `code`.
 */
export const ErrorCodeSchema = z.enum([
  /** The request body, query or params failed validation; see `details`. */
  'VALIDATION_FAILED',
  /** The request is well-formed but cannot be carried out as asked. */
  'BAD_REQUEST',
  /** No valid access token, or the credentials were wrong. */
  'UNAUTHENTICATED',
  /** A refresh token was used twice; its whole family has been revoked. */
  'REFRESH_TOKEN_REUSED',
  /** Authenticated, but not allowed to do this. */
  'FORBIDDEN',
  /** The resource does not exist or is not yours. */
  'NOT_FOUND',
  /** The resource already exists or is in a state that forbids this. */
  'CONFLICT',
  /** The request body is larger than the server accepts. */
  'PAYLOAD_TOO_LARGE',
  /** The upload would take the user past their storage allowance; see `details`. */
  'STORAGE_ALLOWANCE_EXCEEDED',
  /** The `Range` asked for bytes the file does not have. */
  'RANGE_NOT_SATISFIABLE',
  /** The request's address or headers are longer than the server reads. */
  'HEADERS_TOO_LARGE',
  /** The request body's content type, encoding or character set is not one the API reads. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** Too many attempts; wait `Retry-After` seconds. */
  'RATE_LIMITED',
  /** The daily generation quota is used up; it resets at `details.resetsAt`. */
  'QUOTA_EXCEEDED',
  /** A dependency (database, Redis, provider) is not reachable. */
  'SERVICE_UNAVAILABLE',
  /** Something failed on our side; the request id identifies it in the logs. */
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One problem with one field of a request. `path` is dotted, e.g. `setup.tone`. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** The body of every error response and every socket error event. */
export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
