import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { authQueries } from '../queries';

/** Today's generation allowance; quiet when it cannot be loaded, as it is only a hint here. */
export function QuotaLine() {
  const quota = useQuery(authQueries.quota());
  if (!quota.data) return null;
  const { limit, used } = quota.data;
  return (
    <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
      {limit === null ? `Generations today: ${used} (unlimited)` : `Generations today: ${used} of ${limit}`}
    </Typography>
  );
}
