import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { GameSessionSummary } from '@storyos/contracts';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useRenameSessionMutation } from '../queries';

/** Mounted per game (keyed by id), so the field starts from that game's title. */
export function RenameSessionDialog({ session, onClose }: { session: GameSessionSummary; onClose: () => void }) {
  const [title, setTitle] = useState(session.title);
  const rename = useRenameSessionMutation();
  const fieldError = isApiError(rename.error) ? rename.error.fieldErrors()['title'] : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id: session.id, title }, { onSuccess: onClose });
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="rename-game-title" maxWidth="xs" fullWidth>
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="rename-game-title">Rename game</DialogTitle>
        <DialogContent>
          <ErrorAlert error={rename.error} summary={fieldError ? 'Please correct the title.' : undefined} />
          <TextField
            label="Title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            autoFocus
            required
            error={Boolean(fieldError)}
            helperText={fieldError ?? `${title.length} / 120`}
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={rename.isPending}>
            {rename.isPending ? 'Saving…' : 'Save'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
