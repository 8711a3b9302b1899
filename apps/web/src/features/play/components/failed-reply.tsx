import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { playQueries } from '../queries';

interface FailedReplyProps {
  generationId: string | null;
  /** Known already when the failure was streamed to this page. */
  reason?: string | null;
  onRegenerate?: () => void;
  regenerating?: boolean;
}

/** A reply that could not be written: the reason in plain words and a way to try again. */
export function FailedReply({ generationId, reason, onRegenerate, regenerating = false }: FailedReplyProps) {
  const generation = useQuery({ ...playQueries.generation(generationId), enabled: !reason && Boolean(generationId) });
  const why = reason ?? generation.data?.error ?? null;
  return (
    <Alert
      severity="error"
      sx={{ mt: 1, fontFamily: 'inherit' }}
      action={
        onRegenerate && (
          <Button color="inherit" size="small" onClick={onRegenerate} disabled={regenerating}>
            Regenerate
          </Button>
        )
      }
    >
      The narrator could not finish this reply.{why ? ` ${why}` : ''}
    </Alert>
  );
}
