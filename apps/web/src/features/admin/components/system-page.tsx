import ArrowForwardRounded from '@mui/icons-material/ArrowForwardRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { LivenessCard } from './liveness-card';
import { QueueDashboardCard } from './queue-dashboard-card';
import { ReadinessCard } from './readiness-card';
import { SystemCard } from './system-card';
import { WorkerCheckCard } from './worker-check-card';
import { StoryCacheCard } from '../../write/components/story-cache-card';

export function SystemPage() {
  return (
    <Box>
      <Typography variant="h4" component="h1" gutterBottom>
        System
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        The health of this StoryOS deployment. Refreshed every 15 seconds.
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <LivenessCard />
        <ReadinessCard />
        <Box sx={{ gridColumn: { md: '1 / -1' } }}>
          <WorkerCheckCard />
        </Box>
        <Box sx={{ gridColumn: { md: '1 / -1' } }}>
          <QueueDashboardCard />
        </Box>
        <Box sx={{ gridColumn: { md: '1 / -1' } }}>
          <StoryCacheCard />
        </Box>
        <Box sx={{ gridColumn: { md: '1 / -1' } }}>
          <SystemCard title="Game prompts">
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              The narrator and world-state system prompts the game uses, with their version history.
            </Typography>
            <Button component={RouterLink} to="/admin/system-prompts" variant="outlined" endIcon={<ArrowForwardRounded />}>
              Edit system prompts
            </Button>
          </SystemCard>
        </Box>
      </Box>
    </Box>
  );
}
