import { StoryRequirementsSchema, type StoryRequirements } from '@storyos/contracts';
import { extractJsonObject } from '../game/parse-world-state';

/**
 * Reads a model's requirements reply: JSON in a code fence or with prose
 * around it is found; fields the model left out keep their current value;
 * the result must pass the contract or the reply is refused (null).
 */
export function parseExtractedRequirements(raw: string, current: StoryRequirements): StoryRequirements | null {
  const data = extractJsonObject(raw);
  if (!data) return null;
  const known = Object.keys(current);
  if (!Object.keys(data).some((key) => known.includes(key))) return null;
  const merged: Record<string, unknown> = { ...current };
  for (const key of known) if (key in data) merged[key] = emptyToNull(data[key]);
  const parsed = StoryRequirementsSchema.safeParse(merged);
  return parsed.success ? parsed.data : null;
}

/** Models write "" or "unknown" for what they do not know; the contract says null. */
function emptyToNull(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*(?:|unknown|none|n\/a|null|not specified)\s*$/i.test(value)) return null;
  return value;
}
