import Alert from '@mui/material/Alert';
import type { StoryArtifact } from '@storyos/contracts';
import { ErrorAlert } from '../../../components/error-alert';
import type { PhaseFailure } from '../hooks/use-phase-generation';

interface GenerationNoticesProps {
  what: string;
  artifact: StoryArtifact | null;
  cached: boolean;
  startError: unknown;
  failure: PhaseFailure | null;
  stopped: boolean;
  busyReason: string | null;
  live: boolean;
}

/** Why nothing was written, that the answer came from the cache, or what holds a step up. */
export function GenerationNotices({ what, artifact, cached, startError, failure, stopped, busyReason, live }: GenerationNoticesProps) {
  const fromCache = !live && (cached || artifact?.source === 'cache');
  return (
    <>
      <ErrorAlert error={startError} />
      {failure && !live && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          The {what} could not be written: {failure.message} Your earlier text is unchanged; try again.
        </Alert>
      )}
      {stopped && !live && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          The {what} was stopped before it was finished.
        </Alert>
      )}
      {fromCache && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="from-cache">
          From the cache: this was written before for the same setup, so it came back at once. Regenerate for a fresh take.
        </Alert>
      )}
      {busyReason && !live && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {busyReason}
        </Alert>
      )}
    </>
  );
}
