import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/error-alert';
import { useWorkerCheck, WORKER_REPLY_TIMEOUT_MS, type WorkerCheckState } from '../hooks/use-worker-check';
import { SystemCard } from './system-card';

function Outcome({ state }: { state: WorkerCheckState }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'sending':
    case 'waiting':
      return (
        <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 2 }}>
          <CircularProgress size={20} aria-hidden />
          <Typography>{state.status === 'sending' ? 'Sending a ping…' : 'Waiting for a worker to answer…'}</Typography>
        </Box>
      );
    case 'answered':
      return (
        <Alert severity="success" role="status" sx={{ mt: 2 }}>
          Worker <strong>{state.workerId}</strong> answered. Round trip: <strong>{state.roundTripMs} ms</strong>{' '}
          (time in queue: {state.queueMs} ms).
        </Alert>
      );
    case 'timed-out':
      return (
        <Alert severity="warning" sx={{ mt: 2 }}>
          No worker answered within {WORKER_REPLY_TIMEOUT_MS / 1000} seconds. Check that at least one worker process
          is running and connected to Redis.
        </Alert>
      );
    case 'failed':
      return <ErrorAlert error={state.error} />;
  }
}

export function WorkerCheckCard() {
  const { state, check } = useWorkerCheck();
  const busy = state.status === 'sending' || state.status === 'waiting';
  return (
    <SystemCard title="Workers">
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Sends a ping through the job queue; a worker answers on your live connection. This checks the queue, the
        workers and realtime delivery end to end.
      </Typography>
      <Button variant="contained" onClick={check} disabled={busy}>
        Check workers
      </Button>
      <Outcome state={state} />
    </SystemCard>
  );
}
