/** Lets other work (other jobs, socket writes) run between bursts of CPU-bound decoding. */
export type YieldToEventLoop = () => Promise<void>;

interface ImmediateHost {
  setImmediate?: (callback: () => void) => unknown;
}

/** setImmediate where the runtime has it (it runs after pending I/O), else a zero timeout. */
export const yieldToEventLoop: YieldToEventLoop = () =>
  new Promise<void>((resolve) => {
    const host = globalThis as ImmediateHost;
    if (typeof host.setImmediate === 'function') host.setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
