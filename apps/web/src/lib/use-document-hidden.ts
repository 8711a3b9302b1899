import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Whether the page is out of sight (a background tab, a minimised window): it gets no animation frames then. */
export function useDocumentHidden(): boolean {
  return useSyncExternalStore(subscribe, () => document.hidden, () => false);
}
