/**
 * Gathers text deltas and flushes them every `intervalMs`, so the wire
 * carries a few dozen messages per second instead of one per token. The
 * reply's first words go out at once (they set the time to first chunk);
 * after that, text waits for the window, which packs more words per message.
 * Flushes are serialised: the next starts only after the previous finished.
 */
export class ChunkCoalescer {
  private buffer = '';
  private timer: NodeJS.Timeout | null = null;
  private flushedAny = false;
  private flushing: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly intervalMs: number,
    private readonly sink: (text: string) => Promise<void>,
  ) {}

  push(text: string): void {
    if (this.failure) throw this.failure;
    if (!text) return;
    this.buffer += text;
    if (this.timer) return;
    if (!this.flushedAny || this.intervalMs === 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
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
    this.flushedAny = true;
    this.flushing = this.flushing.then(() => this.sink(text)).catch((error: unknown) => {
      this.failure ??= error;
    });
  }
}
