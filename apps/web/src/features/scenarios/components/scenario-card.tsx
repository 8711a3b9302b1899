import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Scenario } from '@storyos/contracts';
import type { ReactNode } from 'react';
import { RATING_LABELS, TONE_LABELS, VISIBILITY_LABELS } from '../labels';

/** One scenario at a glance; the caller decides what can be done with it, and the heading level that fits its page's outline. */
export function ScenarioCard({ scenario, actions, headingLevel = 'h3' }: { scenario: Scenario; actions: ReactNode; headingLevel?: 'h2' | 'h3' }) {
  return (
    <Card component="article" aria-label={scenario.name} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1, p: 2.5 }}>
        <Typography variant="h6" component={headingLevel} gutterBottom sx={{ lineHeight: 1.3 }}>
          {scenario.name}
        </Typography>
        <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mb: 1.5 }}>
          <Chip size="small" label={TONE_LABELS[scenario.tone]} />
          <Chip size="small" variant="outlined" label={RATING_LABELS[scenario.contentRating]} />
          {scenario.visibility !== 'public' && (
            <Chip size="small" variant="outlined" color="secondary" label={VISIBILITY_LABELS[scenario.visibility]} />
          )}
        </Stack>
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          {scenario.description}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
          You play {scenario.playerName}, {scenario.playerRole} · by {scenario.author.displayName}
        </Typography>
      </CardContent>
      <CardActions sx={{ px: 2.5, pb: 2, pt: 0, gap: 1, flexWrap: 'wrap' }}>{actions}</CardActions>
    </Card>
  );
}
