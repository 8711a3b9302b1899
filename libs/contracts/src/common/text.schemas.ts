import { z } from 'zod';

/**
 * The one rule for text people send: it may not hold a NUL byte or a lone
 * UTF-16 surrogate (PostgreSQL and JSON cannot store them faithfully), it is
 * trimmed of whitespace and invisible characters at both ends, and text made
 * only of invisible characters (zero-width spaces, fillers) counts as empty.
 */
const UNSTORABLE = /\u0000|\p{Cs}/u;
/** Whitespace, format characters (zero-width space, joiners, BOM, bidi marks) and the blank-looking fillers. */
const INVISIBLE = '[\\s\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0\\u2800\\u180E]';
const INVISIBLE_EDGES = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');

export const UNSTORABLE_TEXT_MESSAGE = 'contains characters that cannot be stored (a NUL byte or a broken character)';

/** True when `value` has a NUL byte or a lone surrogate. */
export const hasUnstorableCharacters = (value: string): boolean => UNSTORABLE.test(value);

/** Trims whitespace and invisible characters from both ends. */
export const trimInvisible = (value: string): string => value.replace(INVISIBLE_EDGES, '');

export interface TextRule {
  /** Fewest characters after trimming; 0 allows empty text. Default 1. */
  min?: number;
  max: number;
  /** How the message says "at least": e.g. "needs at least 20 characters". */
  minMessage?: string;
}

/**
 * A text field under the rule above, with field-level messages that name it:
 * `userText('Title', { max: 200 })`.
 */
export function userText(field: string, { min = 1, max, minMessage }: TextRule) {
  const tooShort = minMessage ?? (min <= 1 ? `${field} cannot be empty` : `${field} needs at least ${min.toLocaleString('en-US')} characters`);
  return z
    .string({ message: `${field} is required` })
    .refine((value) => !hasUnstorableCharacters(value), { message: `${field} ${UNSTORABLE_TEXT_MESSAGE}`, abort: true })
    .overwrite(trimInvisible)
    .min(min, { message: tooShort })
    .max(max, { message: `${field} must be at most ${max.toLocaleString('en-US')} characters` });
}

/** Query-string text (search boxes): the same rule, empty allowed. */
export const searchText = (field: string, max: number) => userText(field, { min: 0, max });
