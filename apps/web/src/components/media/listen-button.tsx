import PauseRounded from '@mui/icons-material/PauseRounded';
import PlayArrowRounded from '@mui/icons-material/PlayArrowRounded';
import StopRounded from '@mui/icons-material/StopRounded';
import VolumeUpRounded from '@mui/icons-material/VolumeUpRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { isUsable, type MediaJob } from '../../lib/media/media-job';
import { useMediaJob } from '../../lib/media/use-media-job';
import { useNarrationPlayer } from '../../lib/media/use-narration-player';

interface ListenButtonProps {
  /** The narration made (or being made) for this text, if any. */
  job: MediaJob | null;
  /** Asks for the narration (the feature's route: 200 with the one made, 202 while it is made) and hands the job back. */
  onStart: () => Promise<MediaJob>;
  /** When the step ends, so the owner can refresh what it lists. */
  onSettled?: (job: MediaJob) => void;
  /** What is read, for the accessible name: "this scene", "chapter 2". */
  what: string;
  disabled?: boolean;
}

/**
 * "Listen": reads a text aloud in the browser. It starts with the first
 * sentence-sized piece while the rest is still being made, plays the pieces
 * in order, and can be paused, resumed and stopped. Reusable by any feature
 * whose media route answers with a MediaJob.
 */
export function ListenButton({ job, onStart, onSettled, what, disabled = false }: ListenButtonProps) {
  const live = useMediaJob(job, onSettled);
  const { attachAudio, snapshot, playWhenReady, resume, pause, stop } = useNarrationPlayer(live);
  const [asking, setAsking] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const { state, index, known, error } = snapshot;

  const listen = async () => {
    setStartError(null);
    if (live && isUsable(live)) return playWhenReady(live.generationId);
    setAsking(true);
    try {
      playWhenReady((await onStart()).generationId);
    } catch (failure) {
      setStartError(failure instanceof Error ? failure.message : 'The narration could not be started.');
    } finally {
      setAsking(false);
    }
  };

  const active = state === 'playing' || state === 'waiting' || state === 'paused';
  const status = asking
    ? 'Preparing the narration…'
    : state === 'waiting'
      ? index === 0
        ? 'Preparing the narration…'
        : 'Reading the next part…'
      : state === 'playing'
        ? `Reading aloud${known > 1 ? ` (part ${index + 1} of ${known})` : ''}`
        : state === 'paused'
          ? 'Paused'
          : state === 'error'
            ? (error ?? 'The narration could not be played.')
            : (startError ?? '');

  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="group" aria-label={`Narration of ${what}`}>
      {/* The narration plays here; the buttons are its controls. */}
      <Box component="audio" ref={attachAudio} preload="auto" data-narration-audio="" aria-hidden="true" sx={{ display: 'none' }} />
      {!active ? (
        <Button
          size="small"
          variant="text"
          startIcon={asking ? <CircularProgress size={16} aria-hidden /> : <VolumeUpRounded />}
          onClick={() => void listen()}
          disabled={disabled || asking}
          aria-label={`Listen to ${what}`}
        >
          Listen
        </Button>
      ) : (
        <>
          <Tooltip title={state === 'paused' ? 'Resume' : 'Pause'}>
            <IconButton size="small" onClick={state === 'paused' ? resume : pause} aria-label={state === 'paused' ? `Resume reading ${what}` : `Pause reading ${what}`}>
              {state === 'paused' ? <PlayArrowRounded fontSize="small" /> : <PauseRounded fontSize="small" />}
            </IconButton>
          </Tooltip>
          <Tooltip title="Stop">
            <IconButton size="small" onClick={stop} aria-label={`Stop reading ${what}`}>
              <StopRounded fontSize="small" />
            </IconButton>
          </Tooltip>
        </>
      )}
      <Typography variant="caption" color={state === 'error' || startError ? 'error' : 'text.secondary'} role="status" aria-live="polite" data-narration-state={state}>
        {status}
      </Typography>
    </Stack>
  );
}
