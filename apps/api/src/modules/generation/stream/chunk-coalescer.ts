/**
 * Gathers text deltas and flushes them at most every `intervalMs`, so the
 * wire carries a few dozen messages per second instead of one per token.
 * Leading edge: text arriving after a quiet interval (the first words above
 * all) goes out at once; only what follows within the interval waits.
 * Flushes are serialised: the next starts only after the previous finished.
 */
export class ChunkCoalescer {
  private buffer = '';
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private flushing: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly intervalMs: number,
    private readonly sink: (text: string) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  push(text: string): void {
    if (this.failure) throw this.failure;
    if (!text) return;
    this.buffer += text;
    if (this.timer) return;
    const wait = this.lastFlushAt + this.intervalMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends whatever is buffered and waits for every pending flush. */
  async drain(): Promise<void> {
    this.flush();
    await this.flushing;
    if (this.failure) throw this.failure;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const text = this.buffer;
    if (!text) return;
    this.buffer = '';
    this.lastFlushAt = this.now();
    this.flushing = this.flushing.then(() => this.sink(text)).catch((error: unknown) => {
      this.failure ??= error;
    });
  }
}
