import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ContinueSection } from './continue-section';
import { NewGameSection } from './new-game-section';
import { ProviderChip } from './provider-chip';

/** The Play menu: pick up a saved game or start a new one from a scenario. */
export function PlayPage() {
  return (
    <Box>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={1}
        sx={{ justifyContent: 'space-between', alignItems: { xs: 'flex-start', sm: 'center' }, mb: 1 }}
      >
        <Typography variant="h4" component="h1">
          Play
        </Typography>
        <Box sx={{ maxWidth: '100%' }}>
          <ProviderChip />
        </Box>
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 3, maxWidth: 640 }}>
        Step into interactive fiction: you act, the narrator answers, and the world remembers.
      </Typography>
      <Stack spacing={5}>
        <ContinueSection />
        <NewGameSection />
      </Stack>
    </Box>
  );
}
