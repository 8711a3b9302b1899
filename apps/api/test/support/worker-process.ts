import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const WORKER_ENTRY = join(__dirname, '..', '..', 'dist', 'worker.js');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for a clean exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the real, built worker entry point (`npm run build` first) and waits until it is consuming. */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: run "npm run build" before the integration tests`);
  const child = spawn(process.execPath, [WORKER_ENTRY], { env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const onData = (): void => {
      if (output.includes('is processing jobs')) done(resolve);
    };
    const onExit = (code: number | null): void => done(() => reject(new Error(`Worker exited with ${code} before it was ready:\n${output}`)));
    const done = (finish: () => void): void => {
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      finish();
    };
    child.stdout.on('data', onData);
    child.on('exit', onExit);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
