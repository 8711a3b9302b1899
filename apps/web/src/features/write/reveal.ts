/**
 * Text that arrives in bursts (a fast provider, the offline storyteller, a
 * batch after a reconnect) is shown at a reading pace instead of popping in:
 * each animation frame reveals a little more, more when far behind, so any
 * backlog is caught up in about CATCH_UP_MS. The pace is by the clock, not by
 * frames: a page that gets few frames (a slow or busy device) reveals as
 * fast, in bigger steps, rather than taking minutes.
 */
export const MIN_CHARS_PER_SECOND = 180;
export const CATCH_UP_MS = 1500;

/** How much of `targetLength` to show after `elapsedMs` more, from `shown` now; never past the target, never backwards. */
export function nextRevealLength(shown: number, targetLength: number, elapsedMs: number): number {
  if (shown >= targetLength) return targetLength;
  const backlog = targetLength - shown;
  const elapsed = Math.max(0, elapsedMs);
  const step = Math.max(1, Math.ceil(Math.max((MIN_CHARS_PER_SECOND * elapsed) / 1000, (backlog * elapsed) / CATCH_UP_MS)));
  return Math.min(targetLength, shown + step);
}

/** The revealed part ends after a whole word, so no word is shown half-written (and what is shown only grows). */
export function revealedText(text: string, length: number): string {
  if (length >= text.length) return text;
  if (/\s/.test(text.charAt(length))) return text.slice(0, length);
  const cut = text.slice(0, length);
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : '';
}
