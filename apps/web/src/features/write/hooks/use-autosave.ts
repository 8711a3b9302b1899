import type { ArtifactBase } from '@storyos/contracts';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../lib/api-error';
import { Autosaver, type DraftStore, openingOf, type SaveState } from '../autosave';

/** What the server has and what the user typed, when the two parted ways. */
export interface EditConflict<T> {
  mine: T;
  /** The server's text now and the base a "keep mine" save goes on top of. */
  theirs: { value: T; base: ArtifactBase };
}

interface UseAutosaveOptions<T, C> {
  /** The version the editor opens on: what the server has now, or null when there is nothing yet. */
  base: ArtifactBase;
  serverValue: T;
  drafts: DraftStore<T>;
  save: (value: T, base: ArtifactBase) => Promise<ArtifactBase>;
  validate?: (value: T) => string | null;
  /** Reads the server's current text out of a 409's details. */
  currentOf: (details: unknown) => { value: T; base: ArtifactBase; raw: C } | null;
  /** "Use theirs": show the server's current text (the editor is opened afresh on it). */
  onUseTheirs: (current: C | null) => void;
  same: (a: T, b: T) => boolean;
}

export interface AutosaveHandle<T> {
  /** The value to open the editor with: the server's, or a draft it does not have yet. */
  initial: T;
  restoredDraft: boolean;
  state: SaveState;
  conflict: EditConflict<T> | null;
  keepMine: () => void;
  useTheirs: () => void;
  change: (value: T) => void;
  flush: () => Promise<boolean>;
}

/**
 * Autosave for one editor, mounted once per revision of the text (key the
 * editor by it). A draft made on that very revision is put back and saved;
 * a draft made on an older one, or a save the server refuses because the
 * text changed meanwhile, becomes a conflict the user resolves: nothing
 * they typed is dropped and nothing newer is overwritten unseen.
 */
export function useAutosave<T, C>({ base, serverValue, drafts, save, validate, currentOf, onUseTheirs, same }: UseAutosaveOptions<T, C>): AutosaveHandle<T> {
  const [opening] = useState(() => {
    const draft = drafts.read();
    const opened = openingOf(draft, { value: serverValue, base }, same);
    if (draft && !opened.restored && !opened.conflict) drafts.clear();
    return opened;
  });
  const [state, setState] = useState<SaveState>({ status: opening.conflict ? 'conflict' : 'saved', message: null });
  const [conflict, setConflict] = useState<(EditConflict<T> & { raw: C | null }) | null>(opening.conflict ? { ...opening.conflict, raw: null } : null);
  const [saver] = useState(
    () =>
      new Autosaver<T>({
        save,
        validate,
        drafts,
        base,
        inConflict: opening.conflict !== null,
        onState: setState,
        onConflict: (mine: T, error: ApiError) => {
          const current = currentOf(error.details);
          setConflict({ mine, theirs: current ? { value: current.value, base: current.base } : { value: serverValue, base: null }, raw: current?.raw ?? null });
        },
      }),
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
    conflict,
    keepMine: () => {
      if (!conflict) return;
      setConflict(null);
      saver.overrideWith(conflict.mine, conflict.theirs.base);
    },
    useTheirs: () => {
      if (!conflict) return;
      setConflict(null);
      saver.dispose();
      drafts.clear();
      onUseTheirs(conflict.raw);
    },
    change: (value) => saver.change(value),
    flush: () => saver.flush(),
  };
}
