import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

interface ConflictDialogProps {
  open: boolean;
  /** e.g. "The story text changed elsewhere". */
  title: string;
  /** What happened, in plain words. */
  description: ReactNode;
  mine: ReactNode;
  theirs: ReactNode;
  theirsLabel?: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}

function Side({ label, children }: { label: string; children: ReactNode }) {
  const labelId = useId();
  return (
    <Box component="section" aria-labelledby={labelId} sx={{ flex: 1, minWidth: 0 }}>
      <Typography id={labelId} variant="subtitle2" component="h3" gutterBottom>
        {label}
      </Typography>
      {/* Focusable so keyboard users can scroll it; the text can be selected and copied. */}
      <Box
        tabIndex={0}
        role="region"
        aria-labelledby={labelId}
        sx={{ maxHeight: { xs: 220, md: 420 }, overflow: 'auto', p: 1.5, border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'action.hover' }}
      >
        {children}
      </Box>
    </Box>
  );
}

/**
 * Two versions of the same text parted ways (another tab, a generation, a
 * job): both are shown and the user chooses. Nothing is dropped unseen.
 */
export function ConflictDialog({ open, title, description, mine, theirs, theirsLabel = 'The newer text', onKeepMine, onUseTheirs }: ConflictDialogProps) {
  const titleId = useId();
  return (
    <Dialog open={open} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div" sx={{ mb: 2 }}>
          {description}
        </DialogContentText>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Side label="Your changes">{mine}</Side>
          <Side label={theirsLabel}>{theirs}</Side>
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onUseTheirs}>Use the newer text</Button>
        <Button variant="contained" onClick={onKeepMine} autoFocus>
          Keep my changes
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Plain text as it will read, line breaks kept. */
export function ConflictText({ text }: { text: string }) {
  return (
    <Typography component="div" variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text || <em>(empty)</em>}
    </Typography>
  );
}
