import { useSyncExternalStore } from 'react';

/** The browser's install offer (Chromium's `beforeinstallprompt`), not yet in TypeScript's DOM types. */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface PwaState {
  /** A new version is installed and waiting; applying it reloads the page. */
  updateReady: boolean;
  /** The browser offers to install the app; null when it does not (already installed, or not supported). */
  installPrompt: InstallPromptEvent | null;
}

let state: PwaState = { updateReady: false, installPrompt: null };
const listeners = new Set<() => void>();
let applyUpdate: () => Promise<void> = async () => undefined;

function publish(next: Partial<PwaState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** What the service worker and the browser told us about installing and updating the app. */
export const pwaStore = {
  getSnapshot: (): PwaState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setUpdateReady(apply: () => Promise<void>): void {
    applyUpdate = apply;
    publish({ updateReady: true });
  },
  dismissUpdate: (): void => publish({ updateReady: false }),
  applyUpdate: (): Promise<void> => applyUpdate(),
  setInstallPrompt: (installPrompt: InstallPromptEvent | null): void => publish({ installPrompt }),
};

export function usePwaState(): PwaState {
  return useSyncExternalStore(pwaStore.subscribe, pwaStore.getSnapshot);
}
