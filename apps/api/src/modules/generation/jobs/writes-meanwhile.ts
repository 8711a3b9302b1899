/**
 * Writes that a step starts and need not finish before its prompt is sent
 * (such as recording what the prompt holds): they go on meanwhile, and the
 * step waits for them before it ends. A failed write fails the step, as it
 * would have done had the step waited for it at once.
 */
export class WritesMeanwhile {
  private readonly pending: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;

  /** Takes a write already started; its failure is kept for `settle`, never left unhandled. */
  readonly add = (write: Promise<unknown>): void => {
    this.pending.push(
      write.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    );
  };

  /** Waits for every write so far; throws the first failure. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure.error;
  }
}
