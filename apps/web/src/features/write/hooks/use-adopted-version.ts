import { useState } from 'react';

/**
 * A key for an editor that changes only when the current version is replaced
 * from elsewhere (a generation, "make current", another tab), never by the
 * editor's own saves, so typing is not interrupted by its own autosave.
 */
export function useAdoptedVersion(currentId: string | null): { editorKey: number; markOwn: (id: string) => void } {
  const [knownId, setKnownId] = useState(currentId);
  const [editorKey, setEditorKey] = useState(0);
  if (currentId !== knownId) {
    setKnownId(currentId);
    setEditorKey((key) => key + 1);
  }
  return { editorKey, markOwn: setKnownId };
}
