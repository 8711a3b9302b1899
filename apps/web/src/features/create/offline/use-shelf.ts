import { useSyncExternalStore } from 'react';
import { type ShelfEntry, shelfIndex } from './shelf-index';

/** The stories on this device, newest first, as React state. */
export function useShelf(): ShelfEntry[] {
  return useSyncExternalStore(shelfIndex.subscribe, shelfIndex.entries);
}
