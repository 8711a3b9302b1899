import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { LivenessCard } from './liveness-card';
import { ReadinessCard } from './readiness-card';
import { WorkerCheckCard } from './worker-check-card';

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
      </Box>
    </Box>
  );
}
