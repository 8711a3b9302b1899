import type { StoryArtifact } from '@storyos/contracts';
import { useState } from 'react';

/**
 * Undo covers generations: the step remembers the version it had when it
 * asked for new text, and once a generated version has taken its place the
 * editor opens with that earlier version one undo away. Undoing it is an
 * ordinary edit, saved on top of the generated version (a stale save is a
 * conflict like any other).
 */
export function useGenerationUndo(artifact: StoryArtifact | null): { remember: () => void; previous: StoryArtifact | null } {
  const [before, setBefore] = useState<StoryArtifact | null>(null);
  const replaced = before !== null && artifact !== null && before.id !== artifact.id && artifact.source !== 'edited';
  return { remember: () => setBefore(artifact), previous: replaced ? before : null };
}
