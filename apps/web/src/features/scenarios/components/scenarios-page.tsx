import AddRounded from '@mui/icons-material/AddRounded';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { Scenario } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/hooks/use-session';
import { PlayScenarioButton } from '../../play/components/play-scenario-button';
import { useStartGame } from '../../play/hooks/use-start-game';
import { scenarioQueries } from '../queries';
import { ScenarioCard } from './scenario-card';
import { ScenarioDetailsDialog } from './scenario-details-dialog';
import { ScenarioGrid } from './scenario-grid';
import { ScenarioSearch } from './scenario-search';

const PAGE_SIZE = 12;

/** Everyone browses scenarios; authors and administrators also edit them. */
export function ScenariosPage() {
  const { user, isAdmin } = useSession();
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [details, setDetails] = useState<Scenario | null>(null);
  const q = useDebouncedValue(search);
  const scenarios = useQuery(scenarioQueries.list({ q, scope, page, pageSize: PAGE_SIZE }));
  const game = useStartGame();
  // The API lets authors edit their private scenarios; administrators edit any.
  const canEdit = (scenario: Scenario) => isAdmin || (scenario.author.id === user?.id && scenario.visibility === 'private');

  const play = (scenario: Scenario) => (
    <PlayScenarioButton scenario={scenario} game={game} disabled={scenario.visibility === 'archived'} />
  );
  const edit = (scenario: Scenario) =>
    canEdit(scenario) && (
      <Button
        size="small"
        startIcon={<EditOutlined />}
        component={RouterLink}
        to={`/scenarios/${scenario.id}/edit`}
        aria-label={`Edit ${scenario.name}`}
      >
        Edit
      </Button>
    );

  return (
    <Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
        <Typography variant="h4" component="h1">
          Scenarios
        </Typography>
        <Button variant="contained" startIcon={<AddRounded />} component={RouterLink} to="/scenarios/new" sx={{ alignSelf: { xs: 'flex-start', sm: 'auto' } }}>
          New scenario
        </Button>
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 640 }}>
        The worlds games start from: a setting, a hero to play and a narrator with a voice of its own.
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Tabs
          value={scope}
          onChange={(_event, next: 'all' | 'mine') => {
            setScope(next);
            setPage(1);
          }}
          aria-label="Which scenarios"
        >
          <Tab value="all" label="All" />
          <Tab value="mine" label="Mine" />
        </Tabs>
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
        emptyText={
          q ? `No scenario matches “${q}”.` : scope === 'mine' ? 'You have not written a scenario yet.' : 'There are no scenarios yet.'
        }
        renderCard={(scenario) => (
          <ScenarioCard
            headingLevel="h2"
            scenario={scenario}
            actions={
              <>
                {play(scenario)}
                <Button size="small" onClick={() => setDetails(scenario)} aria-label={`Details of ${scenario.name}`}>
                  Details
                </Button>
                {edit(scenario)}
              </>
            }
          />
        )}
      />
      <ScenarioDetailsDialog
        scenario={details}
        onClose={() => setDetails(null)}
        actions={
          details && (
            <>
              {edit(details)}
              {play(details)}
            </>
          )
        }
      />
    </Box>
  );
}
