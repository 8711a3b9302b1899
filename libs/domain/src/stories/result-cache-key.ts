import type { Outline, StoryPhase, StorySetup } from '@storyos/contracts';
import { sha256Hex } from './sha256';

/** Bumped whenever the Writer's prompts change, so cached results of old prompts are not served. */
export const PROMPT_VERSION = 'stories-v2';

export interface ResultCacheKeyInput {
  phase: StoryPhase;
  setup: StorySetup;
  title: string;
  premise?: string | null;
  outline?: Outline | null;
  /** The story so far (continue). */
  storyText?: string | null;
  /** The story bible, when it has anything in it. */
  bible?: { characters: string; setting: string; styleNotes: string } | null;
  provider: string;
  model: string;
  promptVersion: string;
}

/**
 * The result cache's key: SHA-256 over a canonical JSON of everything that
 * shapes the answer (keys sorted, absent and null the same), so equal
 * requests meet whatever order their fields were built in.
 */
export function resultCacheKey(input: ResultCacheKeyInput): string {
  return sha256Hex(canonicalJson(input));
}

/** JSON with object keys sorted and undefined/null members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined && record[key] !== null)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}
