import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { Scenario } from '@storyos/contracts';
import type { ReactNode } from 'react';
import { RATING_LABELS, TONE_LABELS, VISIBILITY_LABELS } from '../labels';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 2 }}>
        {label}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{children}</Typography>
    </div>
  );
}

interface ScenarioDetailsDialogProps {
  scenario: Scenario | null;
  onClose: () => void;
  /** Play, Edit…: whatever the page offers for this scenario. */
  actions?: ReactNode;
}

export function ScenarioDetailsDialog({ scenario, onClose, actions }: ScenarioDetailsDialogProps) {
  const fullScreen = useMediaQuery(useTheme().breakpoints.down('sm'));
  return (
    <Dialog open={scenario !== null} onClose={onClose} fullScreen={fullScreen} maxWidth="sm" fullWidth aria-labelledby="scenario-details-title">
      {scenario && (
        <>
          <DialogTitle id="scenario-details-title">{scenario.name}</DialogTitle>
          <DialogContent dividers>
            <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
              <Chip size="small" label={TONE_LABELS[scenario.tone]} />
              <Chip size="small" variant="outlined" label={RATING_LABELS[scenario.contentRating]} />
              <Chip size="small" variant="outlined" label={VISIBILITY_LABELS[scenario.visibility]} />
              <Chip size="small" variant="outlined" label={`Version ${scenario.version}`} />
            </Stack>
            <Stack spacing={2}>
              <Field label="Description">{scenario.description}</Field>
              <Field label="Setting">{scenario.setting}</Field>
              <Field label="You play">
                {scenario.playerName}, {scenario.playerRole}
              </Field>
              <Field label="Starting location">{scenario.initialLocation}</Field>
              <Field label="Narrator">{scenario.narratorBehavior}</Field>
              <Field label="Author">{scenario.author.displayName}</Field>
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, py: 1.5 }}>
            <Button onClick={onClose}>Close</Button>
            {actions}
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
