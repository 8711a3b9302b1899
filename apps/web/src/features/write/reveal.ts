/**
 * Text that arrives in bursts (a fast provider, the offline storyteller, a
 * batch after a reconnect) is shown at a reading pace instead of popping in:
 * each animation frame reveals a few more characters, more when far behind,
 * so any backlog is caught up in about CATCH_UP_FRAMES frames.
 */
export const MIN_CHARS_PER_FRAME = 3;
export const CATCH_UP_FRAMES = 90;

/** How much of `targetLength` to show on the next frame, from `shown` now; never past the target, never backwards. */
export function nextRevealLength(shown: number, targetLength: number): number {
  if (shown >= targetLength) return targetLength;
  const backlog = targetLength - shown;
  return Math.min(targetLength, shown + Math.max(MIN_CHARS_PER_FRAME, Math.ceil(backlog / CATCH_UP_FRAMES)));
}

/** The revealed part ends after a whole word, so no word is shown half-written (and what is shown only grows). */
export function revealedText(text: string, length: number): string {
  if (length >= text.length) return text;
  if (/\s/.test(text.charAt(length))) return text.slice(0, length);
  const cut = text.slice(0, length);
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : '';
}
