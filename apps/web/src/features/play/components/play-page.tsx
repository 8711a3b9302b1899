import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { PageHeader } from '../../../components/page-header';
import { ContinueSection } from './continue-section';
import { NewGameSection } from './new-game-section';
import { ProviderChip } from './provider-chip';

/** The Play menu: pick up a saved game or start a new one from a scenario. */
export function PlayPage() {
  return (
    <Box>
      <PageHeader
        title="Play"
        action={
          <Box sx={{ maxWidth: '100%' }}>
            <ProviderChip />
          </Box>
        }
        description="Step into interactive fiction: you act, the narrator answers, and the world remembers."
      />
      <Stack spacing={5}>
        <ContinueSection />
        <NewGameSection />
      </Stack>
    </Box>
  );
}
