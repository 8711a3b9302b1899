import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useBusy } from '../../../components/busy';

interface CutOffReplyProps {
  onContinue: () => void;
  continuing: boolean;
  /** Why the last try to continue failed, if it did. */
  error: string | null;
}

/** The last reply ended at the output cap: say so, and let the narrator go on (once the game is not busy). */
export function CutOffReply({ onContinue, continuing, error }: CutOffReplyProps) {
  const disabled = useBusy();
  return (
    <Alert
      severity={error ? 'error' : 'info'}
      sx={{ mt: 1, fontFamily: 'inherit' }}
      action={
        <Button color="inherit" size="small" onClick={onContinue} disabled={disabled || continuing} aria-label="Continue the reply">
          Continue
        </Button>
      }
    >
      {error ?? 'The reply was cut off at the length limit. The narrator can go on from where it stopped.'}
    </Alert>
  );
}
