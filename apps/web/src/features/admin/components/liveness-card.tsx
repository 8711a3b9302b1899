import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/error-alert';
import { formatUptime } from '../format';
import { systemQueries } from '../queries';
import { StatusChip } from './status-chip';
import { SystemCard } from './system-card';

export function LivenessCard() {
  const liveness = useQuery(systemQueries.liveness());
  return (
    <SystemCard title="API">
      {liveness.isPending && <Skeleton variant="rounded" height={56} />}
      {liveness.isError && <ErrorAlert error={liveness.error} />}
      {liveness.data && (
        <Stack spacing={1}>
          <div>
            <StatusChip ok label="Live" />
          </div>
          <Typography variant="body2" color="text.secondary">
            Version {liveness.data.version} · up {formatUptime(liveness.data.uptimeSeconds)}
          </Typography>
        </Stack>
      )}
    </SystemCard>
  );
}
