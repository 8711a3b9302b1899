import { registerSW } from 'virtual:pwa-register';
import { type InstallPromptEvent, pwaStore } from './pwa-store';

/**
 * Installs the service worker that keeps the app shell (every built file) so
 * StoryOS starts with the network off, and listens for the browser's offer to
 * install the app. A new version waits until the user chooses to reload, so
 * nothing they are typing is lost to an automatic refresh.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => pwaStore.setUpdateReady(() => update(true)),
  });
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the offer for our own "Install app" button instead of the browser's mini-bar.
    event.preventDefault();
    pwaStore.setInstallPrompt(event as InstallPromptEvent);
  });
  window.addEventListener('appinstalled', () => pwaStore.setInstallPrompt(null));
}
