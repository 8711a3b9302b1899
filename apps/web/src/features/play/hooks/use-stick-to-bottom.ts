import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';

/** How close to the end still counts as "at the bottom", so a stray pixel does not stop following. */
const BOTTOM_SLACK_PX = 48;

/**
 * Keeps a scroll container pinned to its end while `content` changes, unless
 * the reader scrolled up to read; scrolling back down resumes following.
 */
export function useStickToBottom(content: unknown): {
  ref: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  atBottom: boolean;
  scrollToBottom: () => void;
} {
  const ref = useRef<HTMLDivElement | null>(null);
  const following = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const near = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    following.current = near;
    setAtBottom(near);
  }, []);

  const scrollToBottom = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    following.current = true;
    setAtBottom(true);
    element.scrollTop = element.scrollHeight;
  }, []);

  // Scrolled in the next frame, before it paints: reading the height during the commit would force the
  // page's layout inside it (a long task for a long transcript) rather than in the frame's own layout.
  useLayoutEffect(() => {
    if (!following.current) return;
    const frame = requestAnimationFrame(() => {
      const element = ref.current;
      if (element && following.current) element.scrollTop = element.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [content]);

  return { ref, onScroll, atBottom, scrollToBottom };
}
