// Child processes for the dev scripts: one-shot commands and long-running
// children with prefixed output, stopped in order with SIGTERM, then SIGKILL.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { formatLogLine, prefixFor } from './log-format.mjs';

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

const runningCommands = new Set();

/**
 * Runs a command to completion. With `name`, output is prefixed line by line;
 * otherwise it is inherited (npm and nx draw their own progress).
 * With `timeoutMs`, the command runs in its own process group, which is
 * killed when time runs out (resolving 124, like coreutils' `timeout`).
 * Resolves with the exit code (1 when ended by a signal).
 */
export function runCommand(command, args, { name, env = process.env, cwd = process.cwd(), width = 8, timeoutMs, onTimeout } = {}) {
  return new Promise((resolve, reject) => {
    const detached = timeoutMs !== undefined;
    const child = spawn(command, args, { cwd, env, detached, stdio: name ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (name) pipeLines(child, name, width);
    if (detached) runningCommands.add(child);
    let timedOut = false;
    const timer = detached
      ? setTimeout(() => {
          timedOut = true;
          onTimeout?.();
          signalGroup(child.pid, 'SIGTERM');
          setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000).unref();
        }, timeoutMs)
      : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      runningCommands.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      runningCommands.delete(child);
      resolve(timedOut ? 124 : (code ?? (signal ? 1 : 0)));
    });
  });
}

/** Forwards a signal to commands started with a timeout (they do not share our process group). */
export function signalRunningCommands(name) {
  for (const child of runningCommands) signalGroup(child.pid, name);
}

function pipeLines(child, name, width, onLine) {
  const prefix = prefixFor(name, width, useColor);
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      onLine?.(line);
      for (const part of formatLogLine(line, { color: useColor }).split('\n')) out.write(`${prefix}${part}\n`);
    });
  }
}

/**
 * Keeps track of long-running children. Each child runs in its own process
 * group, so a terminal Ctrl-C reaches only this supervisor, which then stops
 * the app processes first and the services they depend on last.
 */
export class Supervisor {
  #children = [];
  #stopping = false;
  #width;

  constructor({ width = 8 } = {}) {
    this.#width = width;
  }

  get stopping() {
    return this.#stopping;
  }

  /**
   * Starts a child. `tier` orders shutdown: higher tiers stop first
   * (apps = 2, services = 1). `onExit` is told when it ends unexpectedly.
   */
  start(name, command, args, { env = process.env, cwd = process.cwd(), tier = 2, onLine, onExit } = {}) {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    pipeLines(child, name, this.#width, onLine);
    const exited = new Promise((resolve) => {
      child.on('close', (code, signal) => resolve({ code, signal }));
      child.on('error', (error) => resolve({ code: null, signal: null, error }));
    });
    const entry = { name, child, tier, exited, done: false };
    exited.then((result) => {
      entry.done = true;
      if (!this.#stopping) onExit?.(result);
    });
    this.#children.push(entry);
    return entry;
  }

  /** Stops every running child, highest tier first; SIGKILL after `timeoutMs`. */
  async stopAll({ timeoutMs = 30_000, log = () => {} } = {}) {
    this.#stopping = true;
    const tiers = [...new Set(this.#children.map((entry) => entry.tier))].sort((a, b) => b - a);
    for (const tier of tiers) {
      const running = this.#children.filter((entry) => entry.tier === tier && !entry.done);
      await Promise.all(running.map((entry) => stopChild(entry, timeoutMs, log)));
    }
  }

  /** Last resort when this process exits without a chance to wait. */
  killAllNow() {
    for (const entry of this.#children) {
      if (!entry.done) signalGroup(entry.child.pid, 'SIGKILL');
    }
  }
}

async function stopChild(entry, timeoutMs, log) {
  log(`stopping ${entry.name}`);
  signal(entry.child.pid, 'SIGTERM');
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([entry.exited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    log(`${entry.name} did not stop within ${Math.round(timeoutMs / 1000)}s; killing it`);
    signalGroup(entry.child.pid, 'SIGKILL');
    await entry.exited;
  } else {
    // Anything the child left behind in its group (e.g. a shell's children).
    signalGroup(entry.child.pid, 'SIGKILL');
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function signalGroup(pid, name) {
  try {
    process.kill(-pid, name);
  } catch {
    // The group is already empty.
  }
}
