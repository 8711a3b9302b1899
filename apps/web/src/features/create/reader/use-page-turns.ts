import { type PointerEvent, useEffect, useRef } from 'react';

/** A horizontal drag at least this long turns the page. */
const SWIPE_MIN_PX = 50;

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text'));

/**
 * Left and right arrow keys anywhere on the page, and a swipe on the handlers'
 * element, turn the page; vertical scrolling stays the browser's.
 */
export function usePageTurns(onPrevious: () => void, onNext: () => void) {
  const turns = useRef({ onPrevious, onNext });
  useEffect(() => {
    turns.current = { onPrevious, onNext };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (event.key === 'ArrowLeft') turns.current.onPrevious();
      else if (event.key === 'ArrowRight') turns.current.onNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const start = useRef<{ x: number; y: number } | null>(null);
  return {
    onPointerDown: (event: PointerEvent) => {
      start.current = { x: event.clientX, y: event.clientY };
    },
    onPointerUp: (event: PointerEvent) => {
      const from = start.current;
      start.current = null;
      if (!from) return;
      const dx = event.clientX - from.x;
      if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(event.clientY - from.y)) return;
      if (dx < 0) turns.current.onNext();
      else turns.current.onPrevious();
    },
    onPointerCancel: () => {
      start.current = null;
    },
  };
}
