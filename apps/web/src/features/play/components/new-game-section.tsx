import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Scenario } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { ScenarioCard } from '../../scenarios/components/scenario-card';
import { ScenarioDetailsDialog } from '../../scenarios/components/scenario-details-dialog';
import { ScenarioGrid } from '../../scenarios/components/scenario-grid';
import { ScenarioSearch } from '../../scenarios/components/scenario-search';
import { scenarioQueries } from '../../scenarios/queries';
import { useStartGame } from '../hooks/use-start-game';
import { PlayScenarioButton } from './play-scenario-button';

const PAGE_SIZE = 6;

/** Public demo scenarios and the player's own, ready to start. */
export function NewGameSection() {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [details, setDetails] = useState<Scenario | null>(null);
  const q = useDebouncedValue(search);
  const scenarios = useQuery(scenarioQueries.list({ q, scope: 'all', page, pageSize: PAGE_SIZE }));
  const game = useStartGame();

  const playButton = (scenario: Scenario) => <PlayScenarioButton scenario={scenario} game={game} />;

  return (
    <Box component="section" aria-labelledby="new-game-heading">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Typography variant="h5" component="h2" id="new-game-heading">
          New game
        </Typography>
        <ScenarioSearch
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(1);
          }}
        />
      </Stack>
      <ErrorAlert error={scenarios.error ?? game.error} />
      <ScenarioGrid
        label="Scenarios"
        data={scenarios.data}
        loading={scenarios.isFetching}
        page={page}
        onPage={setPage}
        emptyText={q ? `No scenario matches “${q}”.` : 'There are no scenarios to play yet.'}
        renderCard={(scenario) => (
          <ScenarioCard
            scenario={scenario}
            actions={
              <>
                {playButton(scenario)}
                <Button size="small" onClick={() => setDetails(scenario)} aria-label={`Details of ${scenario.name}`}>
                  Details
                </Button>
              </>
            }
          />
        )}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
        Want your own world?{' '}
        <Link component={RouterLink} to="/scenarios">
          Browse and write scenarios
        </Link>
      </Typography>
      <ScenarioDetailsDialog scenario={details} onClose={() => setDetails(null)} actions={details && playButton(details)} />
    </Box>
  );
}
