import type { ProviderError } from '@storyos/domain';

/**
 * One HTTP attempt's abort switch: pulled by the caller's signal or by a
 * deadline. Remembers which deadline fired, so a timeout surfaces as its own
 * readable error rather than a generic AbortError.
 */
export class AttemptController {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private expired: ProviderError | undefined;

  constructor(private readonly callerSignal: AbortSignal) {
    if (callerSignal.aborted) this.controller.abort(callerSignal.reason);
    else callerSignal.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The deadline error, when a deadline is why the attempt stopped. */
  get timeoutError(): ProviderError | undefined {
    return this.expired;
  }

  /**
   * Aborts the attempt with the error `explain` makes unless `clearDeadline()`
   * is called within `ms`. Made only when the deadline passes: an error's
   * stack costs more than the request it would describe.
   */
  setDeadline(ms: number, explain: () => ProviderError): void {
    this.clearDeadline();
    this.timer = setTimeout(() => {
      this.expired = explain();
      this.controller.abort(this.expired);
    }, ms);
  }

  clearDeadline(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Ends the attempt: closes the connection if it is still open and forgets the caller's signal. */
  close(): void {
    this.clearDeadline();
    this.callerSignal.removeEventListener('abort', this.onCallerAbort);
    this.controller.abort();
  }

  private readonly onCallerAbort = (): void => this.controller.abort(this.callerSignal.reason);
}
