import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function with a fixed identity that always calls the latest `handler`.
 * A page that re-renders for every frame of a streamed reply hands these to
 * memoised children, which then keep their elements instead of re-rendering
 * with it. Call it from events and effects, not while rendering.
 */
export function useEventCallback<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
