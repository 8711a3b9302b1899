import { useEffect, useState } from 'react';
import { Autosaver, type DraftStore, type SaveState, shouldRestoreDraft } from '../autosave';

interface UseAutosaveOptions<T> {
  /** What the server has now; null when there is nothing yet. */
  current: { id: string; createdAt: string } | null;
  serverValue: T;
  drafts: DraftStore<T>;
  save: (value: T) => Promise<string | void>;
  validate?: (value: T) => string | null;
}

export interface AutosaveHandle<T> {
  /** The value to open the editor with: the server's, or a draft it does not have yet. */
  initial: T;
  restoredDraft: boolean;
  state: SaveState;
  change: (value: T) => void;
  flush: () => Promise<boolean>;
}

/**
 * Autosave for one editor. Mount it once per version of the text (key the
 * editor by the version): a draft made on that version, or after it, is put
 * back and saved at once.
 */
export function useAutosave<T>({ current, serverValue, drafts, save, validate }: UseAutosaveOptions<T>): AutosaveHandle<T> {
  const [state, setState] = useState<SaveState>({ status: 'saved', message: null });
  const [opening] = useState(() => {
    const draft = drafts.read();
    if (draft && shouldRestoreDraft(draft, current)) return { value: draft.value, restored: true };
    if (draft) drafts.clear();
    return { value: serverValue, restored: false };
  });
  const [saver] = useState(
    () => new Autosaver<T>({ save, validate, drafts, baseId: current?.id ?? null, onState: setState }),
  );

  useEffect(() => {
    if (opening.restored) saver.change(opening.value);
    return () => {
      // Leaving the step: send what is pending now; the draft stays until it lands.
      void saver.flush();
      saver.dispose();
    };
  }, [saver, opening]);

  return {
    initial: opening.value,
    restoredDraft: opening.restored,
    state,
    change: (value) => saver.change(value),
    flush: () => saver.flush(),
  };
}
