import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { Readiness } from '@storyos/contracts';
import { ErrorAlert } from '../../../components/error-alert';
import { systemQueries } from '../queries';
import { StatusChip } from './status-chip';
import { SystemCard } from './system-card';

const DEPENDENCY_LABELS: Record<keyof Readiness['checks'], string> = {
  database: 'PostgreSQL',
  redis: 'Redis',
};

export function ReadinessCard() {
  const readiness = useQuery(systemQueries.readiness());
  const report = readiness.data;
  return (
    <SystemCard title="Readiness">
      {readiness.isPending && <Skeleton variant="rounded" height={88} />}
      {readiness.isError && <ErrorAlert error={readiness.error} />}
      {report && (
        <Stack spacing={1.5}>
          <div>
            <StatusChip ok={report.status === 'ready'} label={report.status === 'ready' ? 'Ready' : 'Not ready'} />
          </div>
          {(Object.keys(DEPENDENCY_LABELS) as (keyof Readiness['checks'])[]).map((name) => {
            const check = report.checks[name];
            return (
              <Stack key={name} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography sx={{ minWidth: 96 }}>{DEPENDENCY_LABELS[name]}</Typography>
                <StatusChip ok={check.status === 'up'} label={check.status === 'up' ? 'Up' : 'Down'} />
                <Typography variant="body2" color="text.secondary">
                  {check.error ?? (check.latencyMs === undefined ? '' : `${Math.round(check.latencyMs)} ms`)}
                </Typography>
              </Stack>
            );
          })}
        </Stack>
      )}
    </SystemCard>
  );
}
