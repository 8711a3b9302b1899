import { z } from 'zod';
import type { JsonReplyFormat } from './prompt-plan';

/**
 * Limits that local servers turn into grammars (llama.cpp, Ollama) expand
 * into huge rule sets for long strings; the reply is clipped and checked
 * against the full schema afterwards instead.
 */
const LEFT_TO_THE_CHECK = new Set(['$schema', 'maxLength', 'maxItems', 'maximum']);

/** The response format asking for JSON shaped like `schema`. */
export function jsonReplyFormat(name: string, schema: z.ZodType): JsonReplyFormat {
  return { name, schema: withoutKeys(z.toJSONSchema(schema, { io: 'input' }), LEFT_TO_THE_CHECK) as Record<string, unknown> };
}

/** A zod error as short lines a model (or a log) can act on: "characters.0.name: too small". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 8).map((issue) => `${issue.path.length ? issue.path.join('.') : '(the object)'}: ${issue.message}`);
}

function withoutKeys(value: unknown, keys: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutKeys(item, keys));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (keys.has(key) ? [] : [[key, withoutKeys(inner, keys)]])));
}
