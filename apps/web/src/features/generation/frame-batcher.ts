export interface FrameBatcher {
  /** Asks for one commit on the next animation frame; further calls before it are folded in. */
  schedule(): void;
  /** Commits now and drops the pending frame, for moments that must not wait (the end of a stream). */
  flush(): void;
  cancel(): void;
}

/**
 * Folds any number of updates into at most one commit per animation frame,
 * so a fast stream re-renders at the display's pace, never per chunk.
 */
export function createFrameBatcher(commit: () => void): FrameBatcher {
  let handle: number | null = null;
  const cancel = () => {
    if (handle !== null) cancelAnimationFrame(handle);
    handle = null;
  };
  return {
    schedule() {
      if (handle !== null) return;
      handle = requestAnimationFrame(() => {
        handle = null;
        commit();
      });
    },
    flush() {
      cancel();
      commit();
    },
    cancel,
  };
}
