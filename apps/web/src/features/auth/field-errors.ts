import { isApiError } from '../../lib/api-error';

export interface SplitFieldErrors {
  /** Messages for the inputs on screen, keyed by field name. */
  byField: Partial<Record<string, string>>;
  /** Messages for fields this form does not show, so they are not silently lost. */
  other: string[];
  /** A plain summary when every problem already sits under its input, so the alert does not repeat them. */
  summary?: string;
}

/** Sorts the field problems of a VALIDATION_FAILED error between this form's inputs and the rest. */
export function splitFieldErrors(error: unknown, fields: readonly string[]): SplitFieldErrors {
  const result: SplitFieldErrors = { byField: {}, other: [] };
  if (!isApiError(error)) return result;
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    if (fields.includes(path)) result.byField[path] = message;
    else result.other.push(path ? `${path}: ${message}` : message);
  }
  if (result.other.length === 0 && Object.keys(result.byField).length > 0) {
    result.summary = 'Please correct the highlighted fields.';
  }
  return result;
}
