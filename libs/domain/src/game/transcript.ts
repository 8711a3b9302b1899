import type { TranscriptEntry } from './game-scenario';

export interface TranscriptLimits {
  /** Most recent messages kept. */
  maxMessages: number;
  /** Characters kept in total, newest first. */
  maxChars: number;
}

/** An upper bound for large contexts, where the budget alone would send the whole game every turn; small contexts drop more. */
export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = { maxMessages: 12, maxChars: 6000 };

/** The newest messages that fit both limits, oldest first. */
export function recentTranscript(entries: readonly TranscriptEntry[], limits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS): TranscriptEntry[] {
  const kept: TranscriptEntry[] = [];
  let chars = 0;
  for (let i = entries.length - 1; i >= 0 && kept.length < limits.maxMessages; i--) {
    const entry = entries[i]!;
    if (chars + entry.content.length > limits.maxChars) {
      // The newest message is kept even when it alone is too long, cut to the budget.
      if (kept.length === 0) kept.push({ role: entry.role, content: entry.content.slice(-limits.maxChars) });
      break;
    }
    chars += entry.content.length;
    kept.push(entry);
  }
  return kept.reverse();
}
