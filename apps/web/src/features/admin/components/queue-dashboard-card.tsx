import OpenInNewRounded from '@mui/icons-material/OpenInNewRounded';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/error-alert';
import { systemApi } from '../api';
import { SystemCard } from './system-card';

/** Opens bull-board in a new tab: the API first sets the cookie that lets this browser in, as a page cannot send a bearer token. */
export function QueueDashboardCard() {
  const access = useMutation({ mutationFn: systemApi.queueDashboardAccess });
  const open = () => {
    // Opened within the click, so popup blockers let it through; it goes to the dashboard once the cookie is set.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    access.mutate(undefined, {
      onSuccess: ({ url }) => (tab ? tab.location.assign(url) : window.location.assign(url)),
      onError: () => tab?.close(),
    });
  };
  return (
    <SystemCard title="Job queues">
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Every queue’s jobs as the workers see them: waiting, running, done and failed, with their attempts and errors.
        Read-only. It opens in a new tab; after a few minutes it asks you to open it again from here.
      </Typography>
      <Button variant="outlined" onClick={open} disabled={access.isPending} endIcon={<OpenInNewRounded />}>
        Open the queue dashboard
      </Button>
      <ErrorAlert error={access.error} />
    </SystemCard>
  );
}
