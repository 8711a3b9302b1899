import type { ArtifactBase } from '@storyos/contracts';
import { useState } from 'react';
import { sameBase } from '../autosave';

/**
 * A key for an editor that changes when the text it shows is replaced from
 * elsewhere (a generation, a whole-story job adding chapters, "make current",
 * another tab), never by the editor's own saves, so typing is not interrupted
 * by its own autosave. `reopen` opens the editor afresh on purpose.
 */
export function useAdoptedVersion(current: ArtifactBase): { editorKey: number; markOwn: (saved: ArtifactBase) => void; reopen: () => void } {
  const [known, setKnown] = useState<ArtifactBase>(current);
  const [editorKey, setEditorKey] = useState(0);
  if (!sameBase(current, known)) {
    setKnown(current);
    setEditorKey((key) => key + 1);
  }
  return { editorKey, markOwn: setKnown, reopen: () => setEditorKey((key) => key + 1) };
}

/** The base an editor sends back: the version it shows and that version's revision. */
export const baseOf = (artifact: { id: string; revision: number } | null): ArtifactBase => (artifact ? { id: artifact.id, revision: artifact.revision } : null);
