import { Worker } from 'node:worker_threads';

/** What the engine thread is asked: text in a voice, at a speaking rate (words a minute). */
interface SynthesisJob {
  id: number;
  text: string;
  voice: string;
  rate: number;
}

type SynthesisAnswer = { id: number; pcm: Int16Array; sampleRate: number } | { id: number; error: string };

/*
 * The engine thread, as plain CommonJS: espeak-ng's WebAssembly build is an ES
 * module, and a worker thread loads it with Node's own import() whatever runs
 * the main thread. Synthesis is CPU-bound; on its own thread it never stalls
 * the event loop.
 */
const ENGINE_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const ready = import(pathToFileURL(workerData.modulePath).href)
  .then((module) => module.default())
  .then((instance) => new instance.eSpeakNGWorker());
parentPort.on('message', async (job) => {
  try {
    const engine = await ready;
    if (engine.set_voice(job.voice, '', 0, 0, 0) !== 0) throw new Error('espeak-ng has no voice "' + job.voice + '"');
    engine.set_rate(job.rate);
    const parts = [];
    let length = 0;
    engine.synthesize(job.text, (samples) => { parts.push(samples); length += samples.length; return 0; });
    const pcm = new Int16Array(length);
    let offset = 0;
    for (const part of parts) { pcm.set(part, offset); offset += part.length; }
    parentPort.postMessage({ id: job.id, pcm, sampleRate: engine.get_samplerate() }, [pcm.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
  }
});
`;

/**
 * espeak-ng (compiled to WebAssembly, from npm) on a worker thread, one
 * synthesis at a time. Stopping a synthesis ends the thread; the next one
 * starts a fresh thread.
 */
export class EspeakEngine {
  private worker: Worker | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly modulePath: string) {}

  synthesize(text: string, voice: string, rate: number, signal: AbortSignal): Promise<{ pcm: Int16Array; sampleRate: number }> {
    const run = this.queue.then(() => this.run({ id: this.nextId++, text, voice, rate }, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private run(job: SynthesisJob, signal: AbortSignal): Promise<{ pcm: Int16Array; sampleRate: number }> {
    if (signal.aborted) return Promise.reject(new Error('aborted'));
    const worker = this.thread();
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        signal.removeEventListener('abort', onAbort);
      };
      const onMessage = (answer: SynthesisAnswer): void => {
        if (answer.id !== job.id) return;
        cleanup();
        if ('error' in answer) reject(new Error(answer.error));
        else resolve({ pcm: answer.pcm, sampleRate: answer.sampleRate });
      };
      const onError = (error: Error): void => {
        cleanup();
        this.worker = null;
        reject(error);
      };
      const onAbort = (): void => {
        cleanup();
        void this.close();
        reject(new Error('aborted'));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(job);
    });
  }

  private thread(): Worker {
    if (!this.worker) {
      this.worker = new Worker(ENGINE_THREAD, { eval: true, workerData: { modulePath: this.modulePath } });
      // An idle engine thread must not keep the process alive at shutdown.
      this.worker.unref();
    }
    return this.worker;
  }
}
