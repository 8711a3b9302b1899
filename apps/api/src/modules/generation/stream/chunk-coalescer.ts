/**
 * Gathers text deltas and flushes them at most every `intervalMs`, so the
 * wire carries a few dozen messages per second instead of one per token.
 * Flushes are serialised: the next starts only after the previous finished.
 */
export class ChunkCoalescer {
  private buffer = '';
  private timer: NodeJS.Timeout | null = null;
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
    if (this.intervalMs === 0) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends whatever is buffered and waits for every pending flush. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.flush();
    await this.flushing;
    if (this.failure) throw this.failure;
  }

  private flush(): void {
    this.timer = null;
    const text = this.buffer;
    if (!text) return;
    this.buffer = '';
    this.flushing = this.flushing.then(() => this.sink(text)).catch((error: unknown) => {
      this.failure ??= error;
    });
  }
}
