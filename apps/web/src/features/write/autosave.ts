import type { ArtifactBase } from '@storyos/contracts';
import { type ApiError, isApiError } from '../../lib/api-error';

/** What the save indicator shows. */
export type SaveStatus = 'saved' | 'saving' | 'retrying' | 'failed' | 'invalid' | 'conflict';

export interface SaveState {
  status: SaveStatus;
  /** Why it is not saved, in plain words (failed, invalid). */
  message: string | null;
}

/** A change the server does not have yet, kept in the browser so a reload or a crash loses nothing. */
export interface Draft<T> {
  value: T;
  /** The version and revision the change was made on, so a draft is never laid over a newer one. */
  base: ArtifactBase;
  editedAt: number;
}

export interface DraftStore<T> {
  read(): Draft<T> | null;
  write(draft: Draft<T>): void;
  clear(): void;
}

export interface AutosaverOptions<T> {
  /** Sends the value made on `base`; resolves with the version and revision it landed in, which later saves are based on. */
  save: (value: T, base: ArtifactBase) => Promise<ArtifactBase>;
  /** A message when the value cannot be saved as it is (the server would refuse it), else null. */
  validate?: (value: T) => string | null;
  drafts: DraftStore<T>;
  onState: (state: SaveState) => void;
  /** The server refused the save because its text changed meanwhile (409 with the current version); saving pauses until resolved. */
  onConflict?: (mine: T, error: ApiError) => void;
  base: ArtifactBase;
  /** Opens already waiting on a conflict (a draft made on an older revision): nothing is saved until it is resolved. */
  inConflict?: boolean;
  delayMs?: number;
  /** Waits between retries of a save that failed on the network or the server; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => number;
}

export const AUTOSAVE_DELAY_MS = 800;
export const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000] as const;

/** A 409 that carries the server's current text: the user has to choose. Other 409s (a job is running) are plain refusals. */
export function isEditConflict(error: unknown): error is ApiError {
  return isApiError(error) && error.code === 'CONFLICT' && typeof error.details === 'object' && error.details !== null && 'current' in error.details;
}

export const sameBase = (a: ArtifactBase, b: ArtifactBase): boolean => (a === null || b === null ? a === b : a.id === b.id && a.revision === b.revision);

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
  private base: ArtifactBase;
  private state: SaveState = { status: 'saved', message: null };
  private readonly delayMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly now: () => number;

  constructor(private readonly options: AutosaverOptions<T>) {
    this.base = options.base;
    if (options.inConflict) this.state = { status: 'conflict', message: null };
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

  /**
   * "Keep mine" after a conflict: the value is saved on top of the version the
   * server has now (`base`), which the user has seen in the conflict dialog.
   */
  overrideWith(value: T, base: ArtifactBase): void {
    this.base = base;
    this.state = { status: 'saved', message: null };
    this.change(value);
  }

  change(value: T): void {
    if (this.disposed) return;
    this.latest = value;
    this.dirty = true;
    this.attempt = 0;
    this.options.drafts.write({ value, base: this.base, editedAt: this.now() });
    // While a conflict waits for the user, keep the draft but do not save over the newer text.
    if (this.state.status === 'conflict') return;
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
    if (!this.dirty || this.latest === undefined || this.state.status === 'conflict') return Promise.resolve();
    const value = this.latest;
    if (this.options.validate?.(value)) return Promise.resolve();
    this.dirty = false;
    this.setState({ status: 'saving', message: null });
    this.saving = this.options
      .save(value, this.base)
      .then(
        (saved) => {
          this.base = saved;
          this.attempt = 0;
          if (this.dirty) {
            // Later changes are now based on what this save made.
            this.options.drafts.write({ value: this.latest as T, base: this.base, editedAt: this.now() });
            return;
          }
          this.options.drafts.clear();
          this.setState({ status: 'saved', message: null });
        },
        (error: unknown) => {
          // A newer change may have come in meanwhile; either way the server lacks the latest value.
          this.dirty = true;
          if (isEditConflict(error)) {
            this.clearTimer();
            this.setState({ status: 'conflict', message: null });
            if (!this.disposed) this.options.onConflict?.(this.latest as T, error);
          } else if (isRetryable(error)) {
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
        if (!raw) return null;
        const draft = JSON.parse(raw) as Partial<Draft<T>>;
        // A draft from before bases were kept has none: it is treated as made on nothing, so it is never applied unseen.
        return 'value' in draft ? { value: draft.value as T, base: draft.base ?? null, editedAt: draft.editedAt ?? 0 } : null;
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

export type Opening<T> =
  | { value: T; restored: boolean; conflict: null }
  | { value: T; restored: false; conflict: { mine: T; theirs: { value: T; base: ArtifactBase } } };

/**
 * What an editor opens with, given the draft left in the browser: nothing to
 * restore (no draft, or the same text as the server's); the draft, when it was
 * made on the very revision the server has; otherwise both, for the user to
 * choose between — a draft is never dropped and never laid over newer text unseen.
 */
export function openingOf<T>(draft: Draft<T> | null, server: { value: T; base: ArtifactBase }, same: (a: T, b: T) => boolean): Opening<T> {
  if (!draft || same(draft.value, server.value)) return { value: server.value, restored: false, conflict: null };
  if (sameBase(draft.base, server.base)) return { value: draft.value, restored: true, conflict: null };
  return { value: draft.value, restored: false, conflict: { mine: draft.value, theirs: server } };
}

export const SAVE_STATUS_LABELS: Record<SaveStatus, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  retrying: 'Not saved — retrying',
  failed: 'Not saved',
  invalid: 'Not saved',
  conflict: 'Not saved — changed elsewhere',
};
