import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { splitFieldErrors } from '../field-errors';
import { useUpgradeGuestMutation } from '../queries';
import { ACCOUNT_FIELDS, AccountFields, emptyAccountValues, toAccountRequest } from './account-fields';
import { FieldProblems } from './field-problems';

interface UpgradeDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Turns the guest account into a full one; everything the guest made stays theirs. */
export function UpgradeDialog({ open, onClose }: UpgradeDialogProps) {
  const fullScreen = useMediaQuery(useTheme().breakpoints.down('sm'));
  const [values, setValues] = useState(emptyAccountValues);
  // After saving, the dialog says so (and as whom) before it goes away.
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const upgrade = useUpgradeGuestMutation();
  const { byField, other, summary } = splitFieldErrors(upgrade.error, ACCOUNT_FIELDS);

  const close = () => {
    upgrade.reset();
    setValues(emptyAccountValues);
    setSavedAs(null);
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    upgrade.mutate(toAccountRequest(values), { onSuccess: (session) => setSavedAs(session.user.email ?? values.email) });
  };

  if (savedAs !== null) {
    return (
      <Dialog open={open} onClose={close} fullScreen={fullScreen} aria-labelledby="upgrade-dialog-title">
        <DialogTitle id="upgrade-dialog-title">Your account is saved</DialogTitle>
        <DialogContent>
          <DialogContentText role="status">
            You are now signed in as {savedAs}. Your stories, games and chats are kept, and you can sign in with this email and password from any device.
          </DialogContentText>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={close} autoFocus>
            Done
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open={open} onClose={close} fullScreen={fullScreen} aria-labelledby="upgrade-dialog-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="upgrade-dialog-title">Save your account</DialogTitle>
        <DialogContent>
          <DialogContentText>
            You are using a guest account. Add an email and a password to keep your stories, games and chats and to
            sign in from any device.
          </DialogContentText>
          <ErrorAlert error={upgrade.error} summary={summary}>
            <FieldProblems problems={other} />
          </ErrorAlert>
          <AccountFields values={values} onChange={setValues} errors={byField} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close}>Not now</Button>
          <Button type="submit" variant="contained" disabled={upgrade.isPending}>
            {upgrade.isPending ? 'Saving…' : 'Save account'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
