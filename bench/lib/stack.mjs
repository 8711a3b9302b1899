// What the HTTP and socket benchmarks share: a throwaway PostgreSQL database
// and Redis prefix, the built API started as a child process, CPU accounting
// from /proc, and cleanup on exit, error and Ctrl-C. Loopback only.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const API_DIST = path.join(ROOT, 'apps/api/dist');

const { default: Redis } = await import('ioredis');
const { default: pg } = await import('pg');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
export const args = new Map(process.argv.slice(2).map((arg) => { const [key, value = 'true'] = arg.replace(/^--/, '').split('='); return [key, value]; }));

export function requireBuiltApi(bench) {
  for (const entry of ['main.js', 'cli.js']) {
    if (!existsSync(path.join(API_DIST, entry))) {
      console.error(`${bench} needs the built API: ${path.join(API_DIST, entry)} is missing.\nRun "npm run build" at the workspace root first.`);
      process.exit(1);
    }
  }
}

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
for (const url of [redisUrl, serverUrl]) {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(url).hostname)) {
    console.error(`The benchmarks run on loopback only; ${url} is not a local address.`);
    process.exit(1);
  }
}

export async function withPg(connectionString, work) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls until check() returns a truthy value, at most `tries` times. */
export async function until(check, { tries, intervalMs, what }) {
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const value = await check();
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`${what}: gave up after ${tries} tries`);
}

// ---------------------------------------------------------------- CPU (Linux /proc; NaN elsewhere)
const CLOCK_TICKS = 100;

/** CPU seconds a process (and its finished children) has used so far. */
export function processCpu(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** CPU seconds all processes with this command name have used (e.g. every PostgreSQL backend). */
export function namedCpu(command) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) total += processCpu(entry) || 0;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** CPU seconds the whole machine has been busy (all cores). */
export function machineCpu() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** How busy the machine is over `ms`, in % of one core. */
export async function machineBusy(ms) {
  const before = machineCpu();
  await sleep(ms);
  return (100 * (machineCpu() - before)) / (ms / 1000);
}

/** --wait-quiet[=minutes]: waits (bounded) until other programs leave the CPUs alone; returns the load seen last. */
export async function waitQuiet() {
  let busy = await machineBusy(3000);
  const limitMs = args.has('wait-quiet') ? Math.min(Number(args.get('wait-quiet')) || 10, 60) * 60_000 : 0;
  for (const deadline = Date.now() + limitMs; busy > 25 && Date.now() < deadline; ) {
    log(`waiting for a quiet machine (${busy.toFixed(0)}% of one core busy)…`);
    busy = await machineBusy(5000);
  }
  return busy;
}

export function describeMachine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

// ---------------------------------------------------------------- processes and cleanup
const children = new Set();
const closers = [];
let cleaning = null;

export const onCleanup = (close) => closers.push(close);

/** Stops every child still running (e.g. when the stack itself never started). */
export const stopChildren = () => Promise.all([...children].map((child) => stopChild(child)));

export function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts a Node child; resolves once `ready` matches its stdout (or at once without one). */
export function startNode(name, file, { env, logDir, ready, args: argv = [], nodeArgs = [], timeoutMs = 60_000 }) {
  const logFile = createWriteStream(path.join(logDir, `${name}.log`));
  // stdin stays open: children such as the paced provider stop when it ends, so they never outlive the bench.
  const child = spawn(process.execPath, [...nodeArgs, file, ...argv], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  if (!ready) return Promise.resolve(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s; see ${logDir}/${name}.log`)), timeoutMs);
    let seen = '';
    const onData = (chunk) => {
      seen = (seen + chunk.toString()).slice(-4096);
      const match = ready.exec(seen);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(Object.assign(child, { ready: match }));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready; see ${logDir}/${name}.log`));
    });
  });
}

async function deleteRedisKeys(prefix) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    for (let round = 0; round < 100_000; round += 1) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * A throwaway database and Redis prefix, migrated, and the built API on a
 * free port. `extraEnv` is added to the API's environment; `nodeArgs` go to
 * its Node (e.g. --cpu-prof).
 */
export async function startApiStack(name, extraEnv = {}, { nodeArgs = [] } = {}) {
  const id = randomBytes(5).toString('hex');
  const databaseName = `storyos_bench_${id}`;
  const redisPrefix = `bench_${id}`;
  const logDir = path.join(os.tmpdir(), `storyos-${name}-${id}`);
  mkdirSync(logDir, { recursive: true });
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();
  let databaseCreated = false;
  let failed = false;

  const cleanup = async () => {
    for (const close of closers.splice(0).reverse()) await Promise.resolve().then(close).catch(() => undefined);
    await Promise.all([...children].map((child) => stopChild(child)));
    if (databaseCreated) await withPg(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).catch((error) => log(`could not drop ${databaseName}: ${error.message}`));
    await deleteRedisKeys(redisPrefix).catch((error) => log(`could not delete Redis keys ${redisPrefix}:*: ${error.message}`));
    if (failed) log(`process logs kept in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  };
  const once = () => (cleaning ??= cleanup());
  process.once('SIGINT', () => {
    log('interrupted; stopping the stack and removing the database and Redis keys…');
    failed = true;
    once().finally(() => process.exit(130));
  });
  process.once('SIGTERM', () => once().finally(() => process.exit(143)));

  await withPg(serverUrl, (client) => client.query(`CREATE DATABASE "${databaseName}"`));
  databaseCreated = true;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { email: `admin-${id}@bench.test`, password: `Adm1n-${randomBytes(9).toString('base64url')}` };
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    CORS_ORIGINS: baseUrl,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SEED_DEMO: 'false',
    // The bench registers its users from one address; the per-address sign-up limit is for the public.
    SIGNUP_MAX_REGISTRATIONS_PER_IP: '100000',
    QUOTA_USER_DAILY: 'unlimited',
    QUOTA_ADMIN_DAILY: 'unlimited',
    ...extraEnv,
  };
  await promisify(execFile)(process.execPath, [path.join(API_DIST, 'cli.js'), 'migrate'], { cwd: ROOT, env, timeout: 120_000 });
  const api = await startNode('api', path.join(API_DIST, 'main.js'), { env, logDir, nodeArgs });
  await until(async () => {
    if (api.exitCode !== null) throw new Error(`The API exited with ${api.exitCode}; see ${logDir}/api.log`);
    return fetch(`${baseUrl}/api/health/ready`).then((response) => response.status === 200, () => false);
  }, { tries: 240, intervalMs: 250, what: 'API readiness' });
  return {
    id, baseUrl, env, admin, api, logDir, databaseUrl, redisPrefix,
    markFailed: () => (failed = true),
    cleanup: once,
  };
}

/** JSON over fetch; throws unless the status is `expect` (when given). */
export async function call(baseUrl, method, pathname, { token, body, expect } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${pathname}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  if (expect && response.status !== expect) throw new Error(`${method} ${pathname}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

export { Redis, pg };
