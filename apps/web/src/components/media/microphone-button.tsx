import MicRounded from '@mui/icons-material/MicRounded';
import StopCircleRounded from '@mui/icons-material/StopCircleRounded';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useVoiceInput } from '../../lib/media/use-voice-input';
import { visuallyHidden } from '../visually-hidden';

interface MicrophoneButtonProps {
  /** The words heard, to put into the text box for the user to correct before sending. */
  onTranscript: (text: string) => void;
  /** What speaking fills in, for the accessible name: "your turn". */
  what: string;
  disabled?: boolean;
}

/**
 * Speak instead of typing: records and has the server write it down when it
 * has a transcription provider, else uses the browser's own recognition;
 * where neither exists the microphone is hidden and a line says why.
 * Press once to start, again to stop.
 */
export function MicrophoneButton({ onTranscript, what, disabled = false }: MicrophoneButtonProps) {
  const voice = useVoiceInput(onTranscript);
  if (voice.mode === null) return null;
  if (voice.mode === 'none') {
    return (
      <Typography variant="caption" color="text.secondary" data-voice-input="none">
        Voice input is not available: this browser has no speech recognition and the server has no speech-to-text service.
      </Typography>
    );
  }
  const listening = voice.state === 'listening';
  const busy = voice.state === 'transcribing';
  const label = listening ? 'Stop and use what you said' : `Speak ${what}`;
  const status = listening ? (voice.heard ? `Heard: ${voice.heard}` : 'Listening… press the microphone again when you are done.') : busy ? 'Writing down what you said…' : (voice.error ?? '');
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, minWidth: 0 }} data-voice-input={voice.mode}>
      <Tooltip title={label}>
        <span>
          <IconButton
            color={listening ? 'error' : 'default'}
            aria-label={label}
            aria-pressed={listening}
            disabled={(disabled && !listening) || busy}
            onClick={listening ? voice.stop : voice.start}
          >
            {busy ? <CircularProgress size={20} aria-hidden /> : listening ? <StopCircleRounded /> : <MicRounded />}
          </IconButton>
        </span>
      </Tooltip>
      <Typography variant="caption" color={voice.error && !listening && !busy ? 'error' : 'text.secondary'} role="status" aria-live="polite" sx={status ? { overflowWrap: 'anywhere' } : visuallyHidden}>
        {status}
      </Typography>
    </Box>
  );
}
