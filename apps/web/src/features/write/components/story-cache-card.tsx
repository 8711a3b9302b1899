import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { storyQueries, useClearStoryCacheMutation } from '../queries';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${units[unit]}`;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="h6" component="dd" sx={{ m: 0 }}>
        {value}
      </Typography>
    </div>
  );
}

/** The Writer's result cache, for administrators: how much it holds and helps, and a way to empty it. */
export function StoryCacheCard() {
  const stats = useQuery(storyQueries.cacheStats());
  const clear = useClearStoryCacheMutation();
  const [confirming, setConfirming] = useState(false);
  const data = stats.data;
  return (
    <Card component="section" aria-label="Story cache" sx={{ height: '100%' }}>
      <CardContent sx={{ p: 3 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          Story cache
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Identical Writer requests are answered from here instead of writing again.
        </Typography>
        {stats.isPending && <Skeleton variant="rounded" height={64} />}
        <ErrorAlert error={stats.error} />
        {data && (
          <Stack component="dl" direction="row" sx={{ gap: { xs: 2, sm: 4 }, flexWrap: 'wrap', m: 0, mb: 2 }}>
            <Figure label="Entries" value={data.entries.toLocaleString('en-US')} />
            <Figure label="Hits" value={data.hits.toLocaleString('en-US')} />
            <Figure label="Misses" value={data.misses.toLocaleString('en-US')} />
            <Figure label="Hit rate" value={`${Math.round(data.hitRate * 100)} %`} />
            <Figure label="Memory" value={formatBytes(data.memoryBytes)} />
          </Stack>
        )}
        <Button variant="outlined" color="error" onClick={() => setConfirming(true)} disabled={!data || clear.isPending}>
          Clear cache
        </Button>
        <ConfirmDialog
          open={confirming}
          title="Clear the story cache?"
          confirmLabel={clear.isPending ? 'Clearing…' : 'Clear cache'}
          busy={clear.isPending}
          error={clear.error}
          onConfirm={() => clear.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          onClose={() => {
            clear.reset();
            setConfirming(false);
          }}
        >
          Every cached premise, outline and chapter is dropped; the next identical requests are written afresh. Stories already
          written are not touched.
        </ConfirmDialog>
      </CardContent>
    </Card>
  );
}
