import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { pwaStore, usePwaState } from './pwa-store';

/** A new version of the app is ready: the user reloads when it suits them. */
export function UpdateReadySnackbar() {
  const { updateReady } = usePwaState();
  return (
    <Snackbar
      open={updateReady}
      message="A new version of StoryOS is ready."
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      action={
        <>
          <Button color="inherit" size="small" onClick={() => pwaStore.dismissUpdate()}>
            Later
          </Button>
          <Button color="secondary" size="small" variant="contained" onClick={() => void pwaStore.applyUpdate()}>
            Reload
          </Button>
        </>
      }
    />
  );
}
