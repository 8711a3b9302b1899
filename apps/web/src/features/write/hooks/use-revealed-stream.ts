import { useEffect, useRef, useState } from 'react';
import type { GenerationStreamView } from '../../generation/use-generation-stream';
import { nextRevealLength, revealedText } from '../reveal';

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
 * revealed, then the step shows its editor again.
 */
export function useRevealedStream(stream: GenerationStreamView, live: boolean): RevealedStream {
  const [held, setHeld] = useState('');
  const [shown, setShown] = useState(0);
  const target = live ? stream.text : held;
  const targetRef = useRef(target);
  targetRef.current = target;

  // Keep the text of the generation being followed, so it can finish revealing after the story moves on.
  if (live && stream.text !== held) setHeld(stream.text);
  if (live && stream.text.length < shown) setShown(0); // a retried attempt starts again
  const pending = shown < target.length;

  useEffect(() => {
    if (!pending) return;
    let frame = requestAnimationFrame(function step() {
      setShown((now) => {
        const next = nextRevealLength(now, targetRef.current.length);
        if (next < targetRef.current.length) frame = requestAnimationFrame(step);
        return next;
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [pending]);

  // A new generation starts from nothing.
  useEffect(() => {
    if (live) return;
    if (!pending && held) {
      setHeld('');
      setShown(0);
    }
  }, [live, pending, held]);

  return { showing: live || pending, text: revealedText(target, shown), writing: live && stream.phase !== 'ended', notice: stream.notice };
}
