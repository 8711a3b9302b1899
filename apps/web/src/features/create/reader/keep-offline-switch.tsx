import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { IllustratedStory } from '@storyos/contracts';
import { useState } from 'react';
import { forgetStory, keepStory } from '../offline/story-cache';
import { useShelf } from '../offline/use-shelf';

/** "Keep offline": every picture and narration of the story is stored on this device, or removed from it. */
export function KeepOfflineSwitch({ story, ownerId }: { story: IllustratedStory; ownerId: string | null }) {
  const kept = useShelf().some((entry) => entry.storyId === story.storyId && entry.kept);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = async (keep: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      if (keep && ownerId) await keepStory(story, ownerId);
      else await forgetStory(story.storyId);
    } catch {
      setProblem('Some pictures or narration could not be saved. Try again when you are online.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FormControlLabel
        control={<Switch checked={kept} disabled={busy || (!kept && !ownerId)} onChange={(event) => void toggle(event.target.checked)} />}
        label={busy ? 'Saving…' : 'Keep offline'}
      />
      {problem && (
        <Typography role="alert" variant="body2" color="error">
          {problem}
        </Typography>
      )}
    </>
  );
}
