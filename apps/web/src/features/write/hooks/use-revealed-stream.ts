import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useDocumentHidden } from '../../../lib/use-document-hidden';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { nextRevealLength, revealedText } from '../reveal';

/** The first frame has no previous one to measure from: it counts as one at 60 frames a second. */
const FIRST_FRAME_MS = 1000 / 60;

export interface RevealedStream {
  /** True while the text is being written or is still being revealed after it ended. */
  showing: boolean;
  /** The part on screen now. */
  text: string;
  /** The stream itself has not ended yet. */
  writing: boolean;
  notice: string | null;
}

/**
 * Follows a step's live text and reveals it at a reading pace (see reveal.ts).
 * When the generation is over the last text stays on screen until it is all
 * revealed, then the step shows its editor again. A page out of sight shows
 * it all at once.
 */
export function useRevealedStream(stream: GenerationStreamView, live: boolean): RevealedStream {
  const [held, setHeld] = useState('');
  const [shown, setShown] = useState(0);
  // Keep the text of the generation being followed, so it can finish revealing after the story moves on.
  if (live && stream.text !== held) setHeld(stream.text);
  const target = live ? stream.text : held;
  // A retried attempt starts again from nothing.
  if (shown > target.length) setShown(target.length);
  // Out of sight there are no animation frames to reveal by, and nobody watching: the words are all there at once, so a
  // background tab does not stay "finishing up" with its editor away until it is looked at again.
  const hidden = useDocumentHidden();
  if (hidden && shown < target.length) setShown(target.length);
  const active = live || shown < target.length;

  const targetLength = useRef(target.length);
  useLayoutEffect(() => {
    targetLength.current = target.length;
  });

  // One frame loop for as long as there is text to follow: each frame shows a little more when behind, by the time since the last.
  useEffect(() => {
    if (!active) return;
    let last: number | null = null;
    let frame = requestAnimationFrame(function step(time) {
      const elapsed = last === null ? FIRST_FRAME_MS : time - last;
      last = time;
      setShown((now) => nextRevealLength(now, targetLength.current, elapsed));
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [active]);

  // All shown and the generation over: the next one starts from nothing.
  if (!active && (held !== '' || shown !== 0)) {
    setHeld('');
    setShown(0);
  }

  return { showing: active, text: revealedText(target, shown), writing: live && stream.phase !== 'ended', notice: stream.notice };
}
