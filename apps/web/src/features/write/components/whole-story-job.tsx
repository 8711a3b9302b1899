import AutoFixHighRounded from '@mui/icons-material/AutoFixHighRounded';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Story } from '@storyos/contracts';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { wholeStoryPlan } from '../whole-story-plan';
import { ErrorAlert } from '../../../components/error-alert';
import { Link as RouterLink, useLocation } from 'react-router';
import { JOB_STATUS_LABELS, jobStageLabel } from '../labels';
import { stepPath, type WizardStep } from '../phases';
import { useCancelJobMutation, useWriteWholeStoryMutation } from '../queries';

/** A finished job stays on screen this long after it ends, then the panel shows the button again. */
const RECENT_MS = 10 * 60_000;

/** "Write the whole story" as one job: its progress and stage, live from the socket, with Cancel. */
export function WholeStoryJob({ story }: { story: Story }) {
  const write = useWriteWholeStoryMutation(story.id);
  const location = useLocation();
  const cancel = useCancelJobMutation(story.id);
  const [confirming, setConfirming] = useState(false);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const job = story.job;
  const active = job?.status === 'queued' || job?.status === 'running';
  const [now] = useState(() => Date.now());
  const recent = job?.completedAt ? now - Date.parse(job.completedAt) < RECENT_MS : false;
  const showJob = job && dismissed !== job.id && (active || recent || write.isSuccess);
  const hasContent = Boolean(story.premise || story.outline || story.story);

  const start = () => {
    setConfirming(false);
    cancel.reset();
    write.mutate();
  };

  if (!showJob || !job) {
    return (
      <Box sx={{ mb: 2 }}>
        <Button
          variant="outlined"
          startIcon={<AutoFixHighRounded />}
          onClick={() => (hasContent ? setConfirming(true) : start())}
          disabled={write.isPending || story.activeGenerationId !== null}
        >
          {write.isPending ? 'Starting…' : 'Write the whole story'}
        </Button>
        <ErrorAlert error={write.error} />
        <ConfirmDialog
          open={confirming}
          title="Write the whole story?"
          confirmLabel="Write it"
          busy={write.isPending}
          error={null}
          onConfirm={start}
          onClose={() => setConfirming(false)}
        >
          {wholeStoryPlan(story).map((line) => (
            <span key={line} style={{ display: 'block', marginBottom: 8 }}>
              {line}
            </span>
          ))}
        </ConfirmDialog>
      </Box>
    );
  }

  const progress = job.status === 'completed' ? 100 : job.progress;
  const readAlong = active && story.activePhase ? readAlongStep(story.activePhase) : null;
  const label = active ? `${jobStageLabel(job.stage)} · ${progress} %` : JOB_STATUS_LABELS[job.status];
  return (
    <Paper component="section" aria-label="Whole story" variant="outlined" sx={{ p: 2, mb: 2, borderRadius: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography sx={{ fontWeight: 600, flexGrow: 1 }} role="status" data-testid="job-status">
          {label}
        </Typography>
        {readAlong && !location.pathname.endsWith(`/${readAlong}`) && (
          <Button size="small" component={RouterLink} to={stepPath(story.id, readAlong)}>
            Read along
          </Button>
        )}
        {active ? (
          <Button color="error" variant="outlined" size="small" onClick={() => cancel.mutate(job.id)} disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel'}
          </Button>
        ) : (
          <Button size="small" onClick={() => setDismissed(job.id)}>
            Dismiss
          </Button>
        )}
      </Stack>
      <LinearProgress
        variant={job.status === 'queued' ? 'indeterminate' : 'determinate'}
        value={progress}
        color={job.status === 'failed' ? 'error' : job.status === 'completed' ? 'success' : 'primary'}
        aria-label="Whole story progress"
        aria-valuetext={`${progress} %`}
        sx={{ height: 8, borderRadius: 4 }}
      />
      {job.status === 'failed' && job.error && (
        <Alert severity="error" sx={{ mt: 1.5 }}>
          {job.error}
        </Alert>
      )}
      {job.status === 'cancelled' && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Stopped at {job.progress} %. What was written before the cancel is kept.
        </Typography>
      )}
      <ErrorAlert error={cancel.error} />
    </Paper>
  );
}

/** The wizard step on which the part being written shows live. */
function readAlongStep(phase: NonNullable<Story['activePhase']>): WizardStep {
  return phase === 'premise' ? 'premise' : phase === 'outline' ? 'outline' : 'writing';
}
