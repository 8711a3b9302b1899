import InstallDesktopOutlined from '@mui/icons-material/InstallDesktopOutlined';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { pwaStore, usePwaState } from './pwa-store';

/** Shown only while the browser offers installation: StoryOS then opens in its own window, offline too. */
export function InstallAppButton() {
  const { installPrompt } = usePwaState();
  if (!installPrompt) return null;
  const install = async () => {
    await installPrompt.prompt();
    await installPrompt.userChoice;
    // The offer can be used once; the browser sends a new one if it wants to ask again.
    pwaStore.setInstallPrompt(null);
  };
  return (
    <Tooltip title="Install StoryOS as an app">
      <IconButton aria-label="Install StoryOS as an app" onClick={() => void install()}>
        <InstallDesktopOutlined />
      </IconButton>
    </Tooltip>
  );
}
