/**
 * Which stories this device holds for offline reading, in localStorage (ids,
 * titles and dates only; the story and its media are in Cache Storage).
 * `kept`: the reader asked to keep it; otherwise it was opened recently and
 * may make room for newer ones.
 */
export interface ShelfEntry {
  storyId: string;
  title: string;
  /** The picture URL of the cover, to show it from the cache. */
  coverUrl: string | null;
  kept: boolean;
  /** Whose story it is, so another account on this device does not see it. */
  ownerId: string;
  openedAt: number;
}

export const SHELF_STORAGE_KEY = 'storyos.offline-shelf';
/** Stories opened but not kept stay until this many newer ones push them out. */
export const RECENT_STORIES_KEPT = 6;

type Shelf = Record<string, ShelfEntry>;

const listeners = new Set<() => void>();
let snapshot: ShelfEntry[] | null = null;

function read(): Shelf {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(SHELF_STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Shelf) : {};
  } catch {
    return {};
  }
}

function write(shelf: Shelf): void {
  localStorage.setItem(SHELF_STORAGE_KEY, JSON.stringify(shelf));
  snapshot = null;
  for (const listener of listeners) listener();
}

export const shelfIndex = {
  /** Newest first. */
  entries(): ShelfEntry[] {
    snapshot ??= Object.values(read()).sort((a, b) => b.openedAt - a.openedAt);
    return snapshot;
  },
  get: (storyId: string): ShelfEntry | null => read()[storyId] ?? null,
  put(entry: ShelfEntry): void {
    write({ ...read(), [entry.storyId]: entry });
  },
  remove(storyIds: readonly string[]): void {
    const shelf = read();
    for (const id of storyIds) delete shelf[id];
    write(shelf);
  },
  /** Opened-not-kept stories beyond the most recent few: the ones to drop. */
  overflow(): ShelfEntry[] {
    return shelfIndex
      .entries()
      .filter((entry) => !entry.kept)
      .slice(RECENT_STORIES_KEPT);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
