import BrushRounded from '@mui/icons-material/BrushRounded';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { isSettled, isUsable, type MediaJob } from '../../lib/media/media-job';

interface IllustrateButtonProps {
  job: MediaJob | null;
  /** Asks for a picture; `again` draws a new one even when one exists for this text. */
  onStart: (again: boolean) => Promise<MediaJob>;
  /** What is drawn, for the accessible name: "this scene", "chapter 2". */
  what: string;
  disabled?: boolean;
}

/** "Illustrate" (or "Draw again"): asks for a picture of a scene; ScenePicture shows it in place when it lands. */
export function IllustrateButton({ job, onStart, what, disabled = false }: IllustrateButtonProps) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const drawing = Boolean(job && !isSettled(job));
  const hasPicture = isUsable(job) && !drawing;

  // The accessible name starts with the words on the button, so voice control users can say what they see.
  const visible = drawing ? 'Drawing' : hasPicture ? 'Draw again' : 'Illustrate';

  const illustrate = async () => {
    setError(null);
    setAsking(true);
    try {
      await onStart(hasPicture);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The picture could not be started.');
    } finally {
      setAsking(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        variant="text"
        startIcon={asking || drawing ? <CircularProgress size={16} aria-hidden /> : <BrushRounded />}
        onClick={() => void illustrate()}
        disabled={disabled || asking || drawing}
        aria-label={drawing ? `Drawing ${what}` : hasPicture ? `Draw again, ${what}` : `Illustrate ${what}`}
      >
        {visible}
      </Button>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          {error}
        </Typography>
      )}
    </>
  );
}
