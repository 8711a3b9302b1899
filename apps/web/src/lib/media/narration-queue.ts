import type { MediaPart } from '@storyos/contracts';

/** idle: not started; waiting: the next piece is still being made or fetched; ended: every piece played. */
export type NarrationState = 'idle' | 'waiting' | 'playing' | 'paused' | 'ended' | 'error';

export interface NarrationSnapshot {
  state: NarrationState;
  /** 0-based piece playing (or next to play). */
  index: number;
  /** Pieces known so far. */
  known: number;
  error: string | null;
}

/** Fetches a piece's bytes (with the access token) as a URL the audio element can play. */
export type PieceLoader = (part: MediaPart) => Promise<string>;

/** Only one narration speaks at a time across the page: starting one pauses any other. */
const page: { speaking: NarrationQueue | null } = { speaking: null };

/**
 * Plays narration pieces one after another on one audio element, starting
 * with the first while later ones are still being made: when it runs out of
 * pieces before the step has finished, it waits and goes on as soon as the
 * next piece arrives. The next piece is fetched while the current one plays,
 * so there is no gap between sentences.
 */
export class NarrationQueue {
  private parts: MediaPart[] = [];
  private complete = false;
  private index = 0;
  private state: NarrationState = 'idle';
  private error: string | null = null;
  private readonly urls = new Map<number, Promise<string>>();
  private readonly objectUrls: string[] = [];
  private lastEmitted: NarrationSnapshot | null = null;

  constructor(
    private readonly audio: HTMLAudioElement,
    private readonly load: PieceLoader,
    private readonly onChange: (snapshot: NarrationSnapshot) => void,
  ) {
    audio.addEventListener('ended', this.onEnded);
    audio.addEventListener('error', this.onAudioError);
  }

  snapshot(): NarrationSnapshot {
    return { state: this.state, index: this.index, known: this.parts.length, error: this.error };
  }

  /** The pieces made so far, in order; `complete` once the step has ended (no more will come). */
  update(parts: readonly MediaPart[], complete: boolean): void {
    this.parts = [...parts].sort((a, b) => a.index - b.index);
    this.complete = complete;
    if (this.state === 'waiting') void this.playCurrent();
    else this.emit();
  }

  /** Plays from where it stands: the start, after a pause, or again after the end. */
  play(): void {
    if (page.speaking && page.speaking !== this) page.speaking.pause();
    page.speaking = this;
    if (this.state === 'paused') {
      this.set('playing');
      void this.audio.play().catch(this.onPlayRefused);
      return;
    }
    if (this.state === 'ended' || this.state === 'error') this.index = 0;
    void this.playCurrent();
  }

  pause(): void {
    if (this.state !== 'playing' && this.state !== 'waiting') return;
    this.audio.pause();
    this.set('paused');
  }

  /** Back to the start, silent. */
  stop(): void {
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio.load();
    this.index = 0;
    this.set('idle');
  }

  dispose(): void {
    this.stop();
    this.audio.removeEventListener('ended', this.onEnded);
    this.audio.removeEventListener('error', this.onAudioError);
    this.objectUrls.forEach((url) => URL.revokeObjectURL(url));
    if (page.speaking === this) page.speaking = null;
  }

  /** Fails the queue with a reason the player shows (e.g. the step failed before the first piece). */
  fail(reason: string): void {
    this.audio.pause();
    this.error = reason;
    this.set('error');
  }

  private async playCurrent(): Promise<void> {
    const part = this.parts[this.index];
    if (!part) {
      if (this.complete) this.set(this.index > 0 ? 'ended' : 'error', this.index > 0 ? null : 'There was nothing to read aloud.');
      else this.set('waiting');
      return;
    }
    this.set('waiting');
    const index = this.index;
    try {
      const url = await this.urlOf(part);
      // Paused, stopped or moved on while the piece was fetched.
      if (this.state !== 'waiting' || this.index !== index) return;
      this.audio.src = url;
      this.set('playing');
      await this.audio.play();
      const next = this.parts[index + 1];
      if (next) void this.urlOf(next).catch(() => undefined);
    } catch (error) {
      if (this.index === index && this.state !== 'paused' && this.state !== 'idle') this.onPlayRefused(error);
    }
  }

  private urlOf(part: MediaPart): Promise<string> {
    let url = this.urls.get(part.index);
    if (!url) {
      url = this.load(part).then((objectUrl) => {
        this.objectUrls.push(objectUrl);
        return objectUrl;
      });
      url.catch(() => this.urls.delete(part.index));
      this.urls.set(part.index, url);
    }
    return url;
  }

  private readonly onEnded = (): void => {
    if (this.state !== 'playing') return;
    this.index += 1;
    void this.playCurrent();
  };

  private readonly onAudioError = (): void => {
    if (this.state === 'playing') this.fail('The narration could not be played.');
  };

  private readonly onPlayRefused = (error: unknown): void => {
    const blocked = error instanceof DOMException && error.name === 'NotAllowedError';
    this.fail(blocked ? 'The browser blocked playback. Press Listen again.' : error instanceof Error ? error.message : 'The narration could not be played.');
  };

  private set(state: NarrationState, error: string | null = null): void {
    this.state = state;
    this.error = state === 'error' ? error ?? this.error : null;
    this.emit();
  }

  /** Tells the owner only of real changes: feeding the same pieces again must not re-render it. */
  private emit(): void {
    const next = this.snapshot();
    const last = this.lastEmitted;
    if (last && last.state === next.state && last.index === next.index && last.known === next.known && last.error === next.error) return;
    this.lastEmitted = next;
    this.onChange(next);
  }
}
