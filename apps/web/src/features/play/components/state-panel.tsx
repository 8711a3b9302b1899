import ExpandMoreRounded from '@mui/icons-material/ExpandMoreRounded';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { WorldState } from '@storyos/contracts';
import { memo, type ReactNode } from 'react';

const RECENT_EVENTS = 8;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 2 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function StateDetails({ state, updating }: { state: WorldState; updating: boolean }) {
  const recent = state.timeline.slice(-RECENT_EVENTS).reverse();
  return (
    <Stack spacing={2} divider={<Divider flexItem />}>
      {updating && (
        <Box role="status">
          <Typography variant="body2" color="text.secondary" gutterBottom>
            Updating the world…
          </Typography>
          <LinearProgress aria-hidden />
        </Box>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, auto)', justifyContent: 'space-between', gap: 1 }}>
        <Stat label="Act" value={state.act} />
        <Stat label="Chapter" value={state.chapter} />
        <Stat label="Turn" value={state.turnCount} />
      </Box>
      <Section title="Where you are">
        <Typography>{state.currentLocation || 'Unknown'}</Typography>
      </Section>
      <Section title="Here with you">
        {(state.present ?? []).length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No one else, for now.
          </Typography>
        ) : (
          <Typography>{(state.present ?? []).join(', ')}</Typography>
        )}
      </Section>
      <Section title="Characters">
        {state.characters.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No one met yet.
          </Typography>
        ) : (
          <Stack component="ul" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {state.characters.map((character) => (
              <li key={character.name}>
                <Typography variant="subtitle2" component="span">
                  {character.name}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {character.summary}
                </Typography>
              </li>
            ))}
          </Stack>
        )}
      </Section>
      <Section title="What happened">
        {recent.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            The story has just begun.
          </Typography>
        ) : (
          <Stack component="ol" spacing={0.75} sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {recent.map((event, index) => (
              <Typography component="li" variant="body2" key={`${event.turn}-${index}`}>
                <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                  Turn {event.turn}
                </Box>
                {event.event}
              </Typography>
            ))}
          </Stack>
        )}
      </Section>
      <Section title="The story now">
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {state.worldState || 'Nothing recorded yet.'}
        </Typography>
      </Section>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h6" component="div">
        {value}
      </Typography>
    </Box>
  );
}

/** What the story keeps: beside the story on wide screens, a collapsed section under it on phones. Memoised: the game page re-renders each streamed frame. */
export const StatePanel = memo(function StatePanel({ state, updating }: { state: WorldState; updating: boolean }) {
  const wide = useMediaQuery(useTheme().breakpoints.up('lg'), { noSsr: true });
  if (wide) {
    return (
      <Box
        component="aside"
        aria-label="Story state"
        // It scrolls on its own, so keyboard users can reach and scroll it too.
        tabIndex={0}
        sx={{ border: 1, borderColor: 'divider', borderRadius: 3, bgcolor: 'background.paper', p: 2.5, overflowY: 'auto', minHeight: 0 }}
      >
        <Typography variant="h6" component="h2" gutterBottom>
          Story so far
        </Typography>
        <StateDetails state={state} updating={updating} />
      </Box>
    );
  }
  return (
    <Accordion
      component="aside"
      aria-label="Story state"
      disableGutters
      variant="outlined"
      // The accordion's own heading is the panel's: a level-2 heading under the game's title.
      slotProps={{ heading: { component: 'h2' } }}
      sx={{ borderRadius: 3, '&::before': { display: 'none' } }}
    >
      <AccordionSummary expandIcon={<ExpandMoreRounded />}>
        <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600 }}>
          Story so far · {state.currentLocation || 'Unknown place'} · turn {state.turnCount}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <StateDetails state={state} updating={updating} />
      </AccordionDetails>
    </Accordion>
  );
});
