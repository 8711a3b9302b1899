import { isApiError } from '../../lib/api-error';

/** What the save indicator shows. */
export type SaveStatus = 'saved' | 'saving' | 'retrying' | 'failed' | 'invalid';

export interface SaveState {
  status: SaveStatus;
  /** Why it is not saved, in plain words (failed, invalid). */
  message: string | null;
}

/** A change the server does not have yet, kept in the browser so a reload or a crash loses nothing. */
export interface Draft<T> {
  value: T;
  /** The version the change was made on, so a draft is not laid over a newer version. */
  baseId: string | null;
  editedAt: number;
}

export interface DraftStore<T> {
  read(): Draft<T> | null;
  write(draft: Draft<T>): void;
  clear(): void;
}

export interface AutosaverOptions<T> {
  /** Sends the value; may resolve with the id of the version it landed in, which later drafts are based on. */
  save: (value: T) => Promise<string | void>;
  /** A message when the value cannot be saved as it is (the server would refuse it), else null. */
  validate?: (value: T) => string | null;
  drafts: DraftStore<T>;
  onState: (state: SaveState) => void;
  baseId: string | null;
  delayMs?: number;
  /** Waits between retries of a save that failed on the network or the server; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => number;
}

export const AUTOSAVE_DELAY_MS = 800;
export const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000] as const;

/** A refusal (4xx) will not change on retry; the network and the server's own trouble may. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 429;
}

/**
 * Saves an editor's value a moment after typing stops. Every change is kept
 * as a draft in the browser at once; the draft goes when the server has the
 * value. A save that fails on the network retries with growing waits; one the
 * server refuses waits for the next change.
 */
export class Autosaver<T> {
  private latest: T | undefined;
  private dirty = false;
  private saving: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private disposed = false;
  private baseId: string | null;
  private state: SaveState = { status: 'saved', message: null };
  private readonly delayMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly now: () => number;

  constructor(private readonly options: AutosaverOptions<T>) {
    this.baseId = options.baseId;
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.now = options.now ?? Date.now;
  }

  get current(): SaveState {
    return this.state;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.saving !== null;
  }

  /** The version later drafts are based on, e.g. the one a save just made. */
  setBaseId(baseId: string | null): void {
    this.baseId = baseId;
  }

  change(value: T): void {
    if (this.disposed) return;
    this.latest = value;
    this.dirty = true;
    this.attempt = 0;
    this.options.drafts.write({ value, baseId: this.baseId, editedAt: this.now() });
    const problem = this.options.validate?.(value) ?? null;
    if (problem) {
      this.clearTimer();
      this.setState({ status: 'invalid', message: problem });
      return;
    }
    this.setState({ status: 'saving', message: null });
    this.schedule(this.delayMs);
  }

  /** Saves now (Ctrl+S, leaving the page, before a generation); resolves true when everything is saved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    if (this.saving) await this.saving;
    if (this.dirty) await this.run();
    return !this.dirty && this.state.status === 'saved';
  }

  /** Stops the timers; a pending change stays in the draft for the next visit. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.saving) return this.saving;
    if (!this.dirty || this.latest === undefined) return Promise.resolve();
    const value = this.latest;
    if (this.options.validate?.(value)) return Promise.resolve();
    this.dirty = false;
    this.setState({ status: 'saving', message: null });
    this.saving = this.options
      .save(value)
      .then(
        (savedId) => {
          if (typeof savedId === 'string') this.baseId = savedId;
          this.attempt = 0;
          if (this.dirty) return;
          this.options.drafts.clear();
          this.setState({ status: 'saved', message: null });
        },
        (error: unknown) => {
          // A newer change may have come in meanwhile; either way the server lacks the latest value.
          this.dirty = true;
          if (isRetryable(error)) {
            const wait = this.retryDelaysMs[Math.min(this.attempt, this.retryDelaysMs.length - 1)] ?? this.delayMs;
            this.attempt += 1;
            this.setState({ status: 'retrying', message: null });
            if (!this.disposed) this.schedule(wait);
          } else {
            this.setState({ status: 'failed', message: error instanceof Error ? error.message : 'The server refused the change.' });
          }
        },
      )
      .finally(() => {
        this.saving = null;
      });
    return this.saving.then(() => {
      // Changes made while the save was in flight go out next, after the usual pause.
      if (this.dirty && this.state.status === 'saving' && !this.disposed && this.timer === null) this.schedule(this.delayMs);
    });
  }

  private setState(next: SaveState): void {
    if (next.status === this.state.status && next.message === this.state.message) return;
    this.state = next;
    if (!this.disposed) this.options.onState(next);
  }
}

/** Drafts in localStorage, one per story and kind of text. */
export function localDraftStore<T>(key: string): DraftStore<T> {
  return {
    read() {
      try {
        const raw = window.localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as Draft<T>) : null;
      } catch {
        return null;
      }
    },
    write(draft) {
      try {
        window.localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // Storage full or blocked: the autosave still runs, only the crash safety net is missing.
      }
    },
    clear() {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing to clean up when storage is blocked.
      }
    },
  };
}

export const draftKey = (storyId: string, kind: 'premise' | 'outline' | 'story') => `storyos.write.draft:${storyId}:${kind}`;

/**
 * Whether a draft found on opening should be restored over what the server
 * has: only when it was made on the server's current version, or after it.
 */
export function shouldRestoreDraft(draft: Draft<unknown> | null, current: { id: string; createdAt: string } | null): boolean {
  if (!draft) return false;
  if (!current) return true;
  return draft.baseId === current.id || draft.editedAt > Date.parse(current.createdAt);
}

export const SAVE_STATUS_LABELS: Record<SaveStatus, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  retrying: 'Not saved — retrying',
  failed: 'Not saved',
  invalid: 'Not saved',
};
