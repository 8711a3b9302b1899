#!/usr/bin/env node
// StoryOS streaming benchmark: `npm run bench:stream` (after `npm run build`).
//
// Starts the real stack on this machine (a throwaway PostgreSQL database, a
// unique Redis prefix, the built API and worker processes, a paced fake
// OpenAI-compatible provider), drives game openings through it and prints:
//   1. chunk latency from the worker's emit to a Socket.IO client's receipt
//      at 1, 50 and 200 concurrent streams;
//   2. time to first chunk through the whole stack against the provider alone;
//   3. websocket bytes per reply against the reply's length.
// Everything it creates is removed at the end, on error and on Ctrl-C. Only
// loopback addresses are used; every loop has a count and a time limit.
// Options: --quick (small smoke run), --levels=1,50,200, --runs=20, --warmup=20, --phases=latency,ttfc,bytes,
// --wait-quiet[=minutes] (wait, at most that long, until the machine is idle),
// --compression=off (the latency and time-to-first-chunk sockets do not offer WebSocket compression; browsers do),
// --cpu-prof (profiles the API and workers and prints where their CPU went inside the game openings'
// windows, request to first delta; the profiler slows the stack, so that run's timings are not comparable).
import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_DIST = path.join(ROOT, 'apps/api/dist');
for (const entry of ['main.js', 'worker.js', 'cli.js']) {
  if (!existsSync(path.join(API_DIST, entry))) {
    console.error(`bench:stream needs the built API: ${path.join(API_DIST, entry)} is missing.\nRun "npm run build" at the workspace root first, then "npm run bench:stream".`);
    process.exit(1);
  }
}

const { default: Redis } = await import('ioredis');
const { default: pg } = await import('pg');
const { io } = await import('socket.io-client');
const { createParser } = await import('eventsource-parser');
const { replyText } = await import('./paced-provider.mjs');
const { monotonicMicros, profileTables, readProfile, timeInWindows } = await import('./lib/profile-windows.mjs');

// ---------------------------------------------------------------- settings
const args = new Map(process.argv.slice(2).map((arg) => { const [key, value = 'true'] = arg.replace(/^--/, '').split('='); return [key, value]; }));
/** --phases=latency,ttfc,bytes: which parts to run (all by default). */
const PHASES = new Set((args.get('phases') ?? 'latency,ttfc,bytes').split(','));
const QUICK = args.has('quick');
const LEVELS = PHASES.has('latency') ? (args.get('levels') ?? (QUICK ? '1,10' : '1,50,200')).split(',').map(Number).filter((n) => n > 0 && n <= 400) : [1];
const TTFC_RUNS = Math.min(Number(args.get('runs') ?? (QUICK ? 5 : 20)), 200);
/**
 * Time to first chunk: runs before the measured ones, reported apart. A process that has just started runs
 * the path in V8's first tiers for its first few dozen requests (measured: ~2 ms slower per game opening);
 * the measured runs are what a running server answers.
 */
const TTFC_WARMUP = Math.min(Number(args.get('warmup') ?? (QUICK ? 0 : 20)), 200);
const MAX_STREAMS = Math.max(...LEVELS);
/** The API caps WORKER_CONCURRENCY at 64, so 200 concurrent streams need several worker processes. */
const CONCURRENCY_PER_WORKER = 64;
const WORKERS = Math.max(1, Math.ceil((MAX_STREAMS + 8) / CONCURRENCY_PER_WORKER));
/** Latency runs: one word per delta every 25 ms (40 words/s, a brisk model), 150 words per reply. */
const LATENCY_SCRIPT = { words: QUICK ? 60 : 150, intervalMs: 25 };
const TTFC_SCRIPT = { words: 12, intervalMs: 25 };
const BYTES_INTERVAL_MS = 20;
const BYTES_WORDS = [100, 1000];
const TOTAL_LIMIT_MS = 20 * 60_000;
const LEVEL_LIMIT_MS = 180_000;
const PASSWORD = 'correct horse 42';

const run = promisify(execFile);
const id = randomBytes(5).toString('hex');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `storyos_bench_${id}`;
const redisPrefix = `bench_${id}`;
const logDir = path.join(os.tmpdir(), `storyos-bench-${id}`);
const CPU_PROF = args.has('cpu-prof');
/** Whether the latency and time-to-first-chunk sockets offer WebSocket compression, as browsers always do. */
const OFFER_COMPRESSION = args.get('compression') !== 'off';
/** Kept after the run, for a closer look in Chrome's DevTools. */
const PROFILE_DIR = path.join(os.tmpdir(), 'storyos-bench-stream-profiles', id);
for (const url of [redisUrl, serverUrl]) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    console.error(`bench:stream runs on loopback only; ${url} is not a local address.`);
    process.exit(1);
  }
}

const now = () => performance.now();
const epochMs = (t) => performance.timeOrigin + t;
/** performance.now() ms → the profiler's monotonic µs (both count from the same clock). */
const clockOffsetUs = monotonicMicros() - performance.now() * 1000;
const monotonicUs = (t) => t * 1000 + clockOffsetUs;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Resolves with work() or rejects after ms. */
function within(ms, what, work) {
  let timer;
  return Promise.race([work, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}

/** Runs tasks with at most `limit` at a time. */
async function pool(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  }));
  return results;
}

/** Polls until check() returns a truthy value, at most `tries` times. */
async function until(check, { tries, intervalMs, what }) {
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const value = await check();
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`${what}: gave up after ${tries} tries`);
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');

// ---------------------------------------------------------------- cleanup
const children = new Set();
const closers = [];
let databaseCreated = false;
let cleaning = null;

function stopChild(child, graceMs = 10_000) {
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

async function deleteRedisKeys() {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    for (let round = 0; round < 100_000; round += 1) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Sockets, tails and connections the bench opened, most recent first. */
async function closeConnections() {
  for (const close of closers.splice(0).reverse()) await Promise.resolve().then(close).catch(() => undefined);
}

function cleanup(keepLogs) {
  cleaning ??= (async () => {
    await closeConnections();
    await Promise.all([...children].map((child) => stopChild(child)));
    if (databaseCreated) {
      await withPg(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).catch((error) => log(`could not drop ${databaseName}: ${error.message}`));
    }
    await deleteRedisKeys().catch((error) => log(`could not delete Redis keys ${redisPrefix}:*: ${error.message}`));
    if (keepLogs) log(`process logs kept in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  })();
  return cleaning;
}

process.once('SIGINT', () => {
  log('interrupted; stopping the stack and removing the database and Redis keys…');
  cleanup(false).finally(() => process.exit(130));
});
process.once('SIGTERM', () => cleanup(false).finally(() => process.exit(143)));
const overall = setTimeout(() => {
  log(`the benchmark ran past its ${TOTAL_LIMIT_MS / 60_000} min limit; stopping`);
  cleanup(true).finally(() => process.exit(1));
}, TOTAL_LIMIT_MS);
overall.unref();

// ---------------------------------------------------------------- stack
async function withPg(connectionString, work) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts an API entry point; resolves once `ready` matches its output (or at once without one). */
function startNode(name, file, env, ready, timeoutMs = 60_000) {
  const logFile = createWriteStream(path.join(logDir, `${name}.log`));
  const profiling = CPU_PROF && name !== 'provider' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`, '--cpu-prof-interval=100'] : [];
  const child = spawn(process.execPath, [...profiling, file], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  // The stack runs at normal priority even when the measuring client was raised (see main).
  try {
    os.setPriority(child.pid, BASE_PRIORITY);
  } catch {
    // Not permitted: it inherits ours.
  }
  child.once('exit', () => children.delete(child));
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  if (!ready) return Promise.resolve(child);
  return within(timeoutMs, `${name} start`, new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen = (seen + chunk.toString()).slice(-4096);
      const match = ready.exec(seen);
      if (match) {
        child.stdout.off('data', onData);
        resolve(Object.assign(child, { ready: match }));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready; see ${logDir}/${name}.log`)));
  }));
}

async function startStack() {
  mkdirSync(logDir, { recursive: true });
  const provider = await startNode('provider', path.join(ROOT, 'bench/paced-provider.mjs'), { ...process.env }, /\{"port":(\d+)\}/);
  const providerUrl = `http://127.0.0.1:${provider.ready[1]}`;
  await withPg(serverUrl, (client) => client.query(`CREATE DATABASE "${databaseName}"`));
  databaseCreated = true;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { email: `admin-${id}@bench.test`, password: `Adm1n-${randomBytes(9).toString('base64url')}` };
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl(databaseName),
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
    LLM_BASE_URL: `${providerUrl}/v1`,
    LLM_API_KEY: 'bench',
    LLM_MODEL: 'paced-bench',
    WORKER_CONCURRENCY: String(CONCURRENCY_PER_WORKER),
  };
  await run(process.execPath, [path.join(API_DIST, 'cli.js'), 'migrate'], { cwd: ROOT, env, timeout: 120_000 });
  const api = await startNode('api', path.join(API_DIST, 'main.js'), env);
  await until(async () => {
    if (api.exitCode !== null) throw new Error(`The API exited with ${api.exitCode}; see ${logDir}/api.log`);
    return fetch(`${baseUrl}/api/health/ready`).then((response) => response.status === 200, () => false);
  }, { tries: 240, intervalMs: 250, what: 'API readiness' });
  const redisInfo = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  closers.push(() => redisInfo.disconnect());
  const stack = { baseUrl, providerUrl, admin, env, workers: [], api, provider, redisInfo };
  await startWorkers(stack, {});
  return stack;
}

/** (Re)starts the worker processes with extra environment, e.g. another STREAM_COALESCE_MS. */
async function startWorkers(stack, extraEnv) {
  await Promise.all(stack.workers.map((worker) => stopChild(worker, 30_000)));
  // The worker logs its ready line at info; everything else it logs is a warning or one line per finished generation.
  const env = { ...stack.env, ...extraEnv, LOG_LEVEL: 'info' };
  stack.workers = await Promise.all(Array.from({ length: WORKERS }, (_, index) => startNode(`worker-${index + 1}${extraEnv.STREAM_COALESCE_MS ? `-c${extraEnv.STREAM_COALESCE_MS}` : ''}`, path.join(API_DIST, 'worker.js'), env, /is processing jobs/)));
  stack.coalesceMs = Number(env.STREAM_COALESCE_MS ?? 40);
}

// ---------------------------------------------------------------- HTTP
async function api(stack, method, pathname, { token, body, expect } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${stack.baseUrl}${pathname}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (expect && response.status !== expect) throw new Error(`${method} ${pathname}: ${response.status} ${text.slice(0, 300)}`);
  return parsed;
}

async function register(stack, label) {
  const session = await api(stack, 'POST', '/api/auth/register', { body: { email: `${label}-${id}@bench.test`, password: PASSWORD }, expect: 201 });
  return { id: session.user.id, token: session.accessToken };
}

const SCENARIO = {
  name: 'The Lighthouse Bench',
  description: 'A keeper, a storm and a bell where no buoy was ever charted.',
  setting: 'A lighthouse on Saltglass Reef during an autumn storm.',
  narratorBehavior: 'Atmospheric and patient.',
  playerName: 'Mara',
  playerRole: 'the new keeper',
  initialLocation: 'the lamp room',
  tone: 'mysterious',
  contentRating: 'all-ages',
  visibility: 'public',
};

// ---------------------------------------------------------------- socket clients
/** Every entry (generation:delta or generation:entry) any bench socket receives, by generation id. */
const received = new Map();
let receivedOther = 0;
const entryWaiters = new Set();

function receiptsOf(generationId) {
  let receipts = received.get(generationId);
  if (!receipts) {
    receipts = { at: new Map(), order: [], text: '', firstDeltaAt: null, endAt: null, end: null, duplicates: 0, outOfOrder: 0 };
    received.set(generationId, receipts);
  }
  return receipts;
}

function onEntry({ generationId, entry }, at) {
  const receipts = receiptsOf(generationId);
  if (receipts.at.has(entry.seq)) receipts.duplicates += 1;
  else receipts.at.set(entry.seq, at);
  if (receipts.order.length && entry.seq !== receipts.order.at(-1) + 1) receipts.outOfOrder += 1;
  receipts.order.push(entry.seq);
  if (entry.type === 'delta') {
    receipts.text += entry.text;
    receipts.firstDeltaAt ??= at;
  } else if (entry.type === 'reset') {
    receipts.text = '';
    receipts.resets = (receipts.resets ?? 0) + 1;
  } else if (entry.type === 'end') {
    receipts.endAt = at;
    receipts.end = entry;
  }
  for (const waiter of entryWaiters) waiter();
}

/** Resolves when check() holds after some entry arrives, or rejects after ms. */
function waitForEntries(check, ms, what) {
  if (check()) return Promise.resolve();
  let waiter;
  return within(ms, what, new Promise((resolve) => {
    waiter = () => check() && resolve();
    entryWaiters.add(waiter);
  })).finally(() => entryWaiters.delete(waiter));
}

/**
 * How the bench's sockets offer compression. This one process stands in for hundreds of browsers, which inflate
 * natively; `ws` queues every socket's zlib calls in a process behind one limit of 10 at a time, so at 200
 * streams the bench measured its own queue (p50 ~0.5 s). Its queue is unbounded here; the API keeps its own.
 */
const CLIENT_DEFLATE = { threshold: 1024, concurrencyLimit: Number.MAX_SAFE_INTEGER };

/** `compress: false` makes the client not offer WebSocket compression (browsers always offer it). */
function connectSocket(stack, user, { compress = OFFER_COMPRESSION } = {}) {
  const socket = io(stack.baseUrl, { transports: ['websocket'], reconnection: false, auth: { token: user.token }, timeout: 20_000, perMessageDeflate: compress ? CLIENT_DEFLATE : false });
  // Text arrives in the compact form (generationId, seq, text); every other entry keyed.
  socket.on('generation:delta', (generationId, seq, text) => onEntry({ generationId, entry: { type: 'delta', seq, text } }, now()));
  socket.on('generation:entry', (event) => onEntry(event, now()));
  socket.on('disconnect', (reason) => {
    if (!socket.benchClosing) {
      socketDisconnects.push(reason);
      log(`a socket disconnected: ${reason}`);
    }
  });
  closers.push(() => {
    socket.benchClosing = true;
    socket.close();
  });
  return within(30_000, 'socket connect', new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  }));
}
const socketDisconnects = [];

// ---------------------------------------------------------------- Redis tail (the emit moment)
/**
 * Tails each generation's Redis stream with XREAD BLOCK on a connection of
 * its own, taken from a pool connected beforehand: an entry's "observed emit"
 * is its arrival at the bench. The worker XADDs each entry and then emits it,
 * so this is when the entry existed in Redis, seen from the bench process.
 * One connection per stream keeps the blocking read always waiting (a stream
 * gets an entry every few dozen ms, far slower than a loopback round trip).
 */
class RedisTail {
  constructor() {
    this.idle = [];
    this.all = [];
    this.observed = new Map(); // generationId -> Map<seq, t>
    this.active = new Map(); // generationId -> { stop }
    this.stopped = false;
    this.caughtUp = 0;
  }

  /** Connects `size` reader connections up front, so a watch starts reading at once. */
  async grow(size) {
    const missing = Math.max(0, size - this.all.length);
    const fresh = Array.from({ length: missing }, () => new Redis(redisUrl, { maxRetriesPerRequest: null, enableAutoPipelining: false, lazyConnect: true }));
    await pool(fresh, 20, (redis) => redis.connect());
    this.all.push(...fresh);
    this.idle.push(...fresh);
  }

  watch(generationId, limitMs = LEVEL_LIMIT_MS) {
    const redis = this.idle.pop();
    if (!redis) throw new Error('The Redis tail has no idle connection left');
    const key = `${redisPrefix}:gen:${generationId}:stream`;
    const seen = new Map();
    this.observed.set(generationId, seen);
    const deadline = Date.now() + limitMs;
    const done = (async () => {
      let lastId = '0-0';
      // Entries already written before this watch began were not seen live: they are left out of the latencies.
      const [[, backlog] = [key, []]] = (await redis.xread('COUNT', 10_000, 'STREAMS', key, lastId)) ?? [];
      this.caughtUp += backlog.length;
      if (backlog.length) lastId = backlog.at(-1)[0];
      if (backlog.some(([, fields]) => fields[1]?.includes('"type":"end"'))) return void this.idle.push(redis);
      for (let round = 0; !this.stopped && round < 100_000 && Date.now() < deadline; round += 1) {
        const result = await redis.xread('COUNT', 1000, 'BLOCK', 2000, 'STREAMS', key, lastId).catch((error) => {
          if (this.stopped) return null;
          throw error;
        });
        const at = now();
        const entries = result?.[0]?.[1] ?? [];
        let ended = false;
        for (const [entryId, fields] of entries) {
          seen.set(Number(entryId.split('-')[0]), at);
          lastId = entryId;
          if (fields[1]?.includes('"type":"end"')) ended = true;
        }
        if (ended) break;
      }
      this.idle.push(redis);
    })();
    this.active.set(generationId, done);
    return done;
  }

  async stop() {
    this.stopped = true;
    for (const redis of this.all) redis.disconnect();
  }
}

// ---------------------------------------------------------------- CPU
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const CLOCK_TICKS = 100;

/** CPU seconds so far of a child (Linux /proc), or NaN elsewhere. */
function processCpu(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Nanoseconds a process's threads have run so far (Linux: the schedstat of each of its tasks in /proc, exact rather than in 10 ms ticks); NaN elsewhere. */
function processRunNs(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce((sum, thread) => sum + Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]), 0);
  } catch {
    return NaN;
  }
}

/** Process ids by their command name (Linux /proc), e.g. every PostgreSQL process; empty elsewhere. */
function pidsNamed(name) {
  const pids = [];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
      } catch {
        // Gone meanwhile.
      }
    }
  } catch {
    // Not Linux.
  }
  return pids;
}

/** The stack's processes on a reply's way, by role, for `runNsByRole`; PostgreSQL and Redis are found by name (this machine's own). */
function replyPathProcesses(stack) {
  return {
    API: [stack.api.pid],
    worker: stack.workers.map((worker) => worker.pid),
    PostgreSQL: pidsNamed('postgres'),
    Redis: pidsNamed('redis-server'),
    provider: [stack.provider.pid],
  };
}

/** CPU nanoseconds so far of each role's processes. */
function runNsByRole(processes) {
  return Object.fromEntries(Object.entries(processes).map(([role, pids]) => [role, pids.length ? pids.reduce((sum, pid) => sum + processRunNs(pid), 0) : NaN]));
}

/** CPU seconds the whole machine has been busy (all cores; Linux /proc/stat), or NaN elsewhere. */
function machineCpu() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** How busy the machine is over `ms`, in % of one core. */
async function machineBusy(ms) {
  const before = machineCpu();
  await sleep(ms);
  return (100 * (machineCpu() - before)) / (ms / 1000);
}

async function cpuSample(stack) {
  const info = await stack.redisInfo.info('cpu');
  const redis = Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1]);
  const own = process.cpuUsage();
  return {
    at: now(),
    api: processCpu(stack.api.pid),
    workers: stack.workers.reduce((sum, worker) => sum + processCpu(worker.pid), 0),
    provider: processCpu(stack.provider.pid),
    redis,
    bench: (own.user + own.system) / 1e6,
    machine: machineCpu(),
  };
}

/** Each process's share of one core between two samples, in %. */
function cpuUsed(before, after) {
  const seconds = (after.at - before.at) / 1000;
  const share = (key) => (100 * (after[key] - before[key])) / seconds;
  const used = { seconds, api: share('api'), workers: share('workers'), redis: share('redis'), bench: share('bench'), provider: share('provider'), machine: share('machine') };
  used.rest = used.machine - used.api - used.workers - used.redis - used.bench - used.provider;
  return used;
}

// ---------------------------------------------------------------- phases
async function control(stack, script) {
  const response = await fetch(`${stack.providerUrl}/control`, { method: 'POST', body: JSON.stringify(script), signal: AbortSignal.timeout(10_000) });
  return response.json();
}
const providerStats = async (stack) => (await fetch(`${stack.providerUrl}/stats`, { signal: AbortSignal.timeout(10_000) })).json();

async function waitUntilIdle(stack, user, sessionIds, limitMs = 60_000) {
  const deadline = Date.now() + limitMs;
  const busy = new Set(sessionIds);
  for (let round = 0; busy.size && round < 1000 && Date.now() < deadline; round += 1) {
    await pool([...busy], 16, async ({ sessionId, token }) => {
      const session = await api(stack, 'GET', `/api/game/sessions/${sessionId}`, { token, expect: 200 });
      if (session.activeGenerationId === null) busy.forEach((item) => item.sessionId === sessionId && busy.delete(item));
    });
    if (busy.size) await sleep(250);
  }
  if (busy.size) log(`${busy.size} session(s) still busy after ${limitMs / 1000} s`);
}

/** Phase 1: N openings at once, each streamed to its own user's socket, tailed in Redis. */
async function latencyLevel(stack, tail, users, scenarioId, streams) {
  const expected = replyText(LATENCY_SCRIPT.words);
  await control(stack, { ...LATENCY_SCRIPT, barrier: streams, barrierTimeoutMs: 30_000 });
  const chosen = users.slice(0, streams);
  const started = now();
  const cpuBefore = await cpuSample(stack);
  const caughtUpBefore = tail.caughtUp;
  loopDelay.reset();
  const tails = [];
  const runs = await pool(chosen, 50, async (user) => {
    const session = await api(stack, 'POST', '/api/game/sessions', { token: user.token, body: { scenarioId }, expect: 201 });
    tails.push(tail.watch(session.generationId));
    return { user, sessionId: session.id, generationId: session.generationId, token: user.token };
  });
  const postedIn = now() - started;
  await waitForEntries(() => runs.every((r) => received.get(r.generationId)?.end), LEVEL_LIMIT_MS, `${streams} streams`).catch((error) => log(error.message));
  await within(30_000, 'Redis tail', Promise.all(tails)).catch((error) => log(error.message));
  const cpu = cpuUsed(cpuBefore, await cpuSample(stack));
  // The histogram counts the 1 ms timer itself; only the lateness beyond it is the loop's delay.
  const benchLoopP99 = Math.max(0, loopDelay.percentile(99) / 1e6 - 1);
  const stats = await providerStats(stack);

  const latencies = [];
  const problems = { missingOnSocket: 0, notSeenLive: 0, duplicates: 0, outOfOrder: 0, gaps: 0, textMismatch: 0, notCompleted: 0, storedMismatch: 0, resets: 0, negative: 0 };
  const spans = [];
  let entries = 0;
  for (const r of runs) {
    const emitted = tail.observed.get(r.generationId) ?? new Map();
    const receipts = received.get(r.generationId) ?? receiptsOf(r.generationId);
    entries += receipts.at.size;
    for (const [seq, emittedAt] of emitted) {
      const receivedAt = receipts.at.get(seq);
      if (receivedAt === undefined) problems.missingOnSocket += 1;
      else {
        const latency = receivedAt - emittedAt;
        if (latency < 0) problems.negative += 1;
        latencies.push(latency);
      }
    }
    for (const seq of receipts.at.keys()) if (!emitted.has(seq)) problems.notSeenLive += 1;
    const maxSeq = Math.max(0, ...receipts.at.keys());
    if (receipts.at.size !== maxSeq) problems.gaps += maxSeq - receipts.at.size;
    problems.duplicates += receipts.duplicates;
    problems.outOfOrder += receipts.outOfOrder;
    problems.resets += receipts.resets ?? 0;
    if (receipts.text !== expected) problems.textMismatch += 1;
    if (receipts.end?.status !== 'completed') problems.notCompleted += 1;
    const times = [...emitted.values()];
    if (times.length) spans.push([Math.min(...times), Math.max(...times)]);
  }
  // The stored result must be the streamed text.
  await pool(runs, 16, async (r) => {
    const generation = await api(stack, 'GET', `/api/generations/${r.generationId}`, { token: r.token, expect: 200 });
    if (generation.text !== expected || generation.status !== 'completed') problems.storedMismatch += 1;
  });
  const first = Math.min(...spans.map(([a]) => a));
  const last = Math.max(...spans.map(([, b]) => b));
  const points = spans.flatMap(([a, b]) => [[a, 1], [b, -1]]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let open = 0;
  let peak = 0;
  for (const [, delta] of points) peak = Math.max(peak, (open += delta));
  latencies.sort((a, b) => a - b);
  await waitUntilIdle(stack, null, runs.map((r) => ({ sessionId: r.sessionId, token: r.token })));
  return {
    streams,
    peak,
    entries,
    entriesPerSecond: entries / ((last - first) / 1000),
    postedIn,
    providerPeakOpen: stats.peakOpen,
    cpu,
    benchLoopP99,
    caughtUp: tail.caughtUp - caughtUpBefore,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    min: latencies[0],
    measured: latencies.length,
    problems,
  };
}

/** Time to the first SSE delta, straight from the provider. */
async function providerFirstDelta(stack) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  const started = now();
  try {
    const response = await fetch(`${stack.providerUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer bench' },
      body: JSON.stringify({ model: 'paced-bench', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'system', content: 'You are the narrator.' }, { role: 'user', content: 'Begin the story.' }] }),
      signal: controller.signal,
    });
    let firstAt = null;
    const parser = createParser({
      onEvent: (event) => {
        if (firstAt !== null || event.data === '[DONE]') return;
        if (JSON.parse(event.data).choices?.[0]?.delta?.content) firstAt = now();
      },
    });
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (let reads = 0; firstAt === null && reads < 100_000; reads += 1) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    return firstAt - started;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Phase 2: POST session → first delta on the socket, against the provider alone. */
async function timeToFirstChunk(stack, user, scenarioId) {
  await control(stack, { ...TTFC_SCRIPT, barrier: 0 });
  const stackTimes = [];
  const turnTimes = [];
  const providerTimes = [];
  const parts = { toCreated: [], queued: [], toFirstToken: [], firstTokenToSocket: [] };
  const cold = { stack: [], turn: [], provider: [] };
  // CPU each process spent from a game's opening request to its first delta (read before the request and once the delta is in).
  const processes = replyPathProcesses(stack);
  const openingCpu = [];
  const openingWindows = [];
  for (let index = 0; index < TTFC_WARMUP + TTFC_RUNS; index += 1) {
    const warming = index < TTFC_WARMUP;
    (warming ? cold.provider : providerTimes).push(await providerFirstDelta(stack));
    await sleep(50);
    // The client's own count is read inside the others', so reading /proc is not counted as its work.
    const cpuBefore = runNsByRole(processes);
    const clientBefore = processRunNs(process.pid);
    const started = now();
    const session = await api(stack, 'POST', '/api/game/sessions', { token: user.token, body: { scenarioId }, expect: 201 });
    await waitForEntries(() => received.get(session.generationId)?.firstDeltaAt != null, 30_000, 'first chunk');
    const clientAfter = processRunNs(process.pid);
    const cpuAfter = runNsByRole(processes);
    const used = { ...Object.fromEntries(Object.keys(cpuAfter).map((role) => [role, (cpuAfter[role] - cpuBefore[role]) / 1e6])), 'bench client': (clientAfter - clientBefore) / 1e6 };
    if (!warming) openingCpu.push(used);
    const receipts = received.get(session.generationId);
    (warming ? cold.stack : stackTimes).push(receipts.firstDeltaAt - started);
    if (!warming) openingWindows.push([monotonicUs(started), monotonicUs(receipts.firstDeltaAt)]);
    await waitForEntries(() => received.get(session.generationId)?.end, 30_000, 'end entry');
    const generation = await api(stack, 'GET', `/api/generations/${session.generationId}`, { token: user.token, expect: 200 });
    const created = Date.parse(generation.createdAt);
    const startedAt = Date.parse(generation.startedAt);
    const firstChunkAt = Date.parse(generation.firstChunkAt);
    if (!warming) {
      parts.toCreated.push(created - epochMs(started));
      parts.queued.push(startedAt - created);
      parts.toFirstToken.push(firstChunkAt - startedAt);
      parts.firstTokenToSocket.push(epochMs(receipts.firstDeltaAt) - firstChunkAt);
    }
    await waitUntilIdle(stack, user, [{ sessionId: session.id, token: user.token }], 30_000);
    // A player's turn in that game: the path taken most often, with its locking transaction.
    await sleep(50);
    const turnStarted = now();
    const turn = await api(stack, 'POST', `/api/game/sessions/${session.id}/turns`, { token: user.token, body: { content: 'I open the letter.' }, expect: 202 });
    await waitForEntries(() => received.get(turn.generationId)?.firstDeltaAt != null, 30_000, 'first chunk of a turn');
    (warming ? cold.turn : turnTimes).push(received.get(turn.generationId).firstDeltaAt - turnStarted);
    await waitForEntries(() => received.get(turn.generationId)?.end, 30_000, 'end entry of a turn');
    await waitUntilIdle(stack, user, [{ sessionId: session.id, token: user.token }], 30_000);
  }
  const sorted = (values) => [...values].sort((a, b) => a - b);
  const summary = (values) => ({ p50: percentile(sorted(values), 50), p95: percentile(sorted(values), 95) });
  return {
    stack: summary(stackTimes),
    turn: summary(turnTimes),
    provider: summary(providerTimes),
    parts: Object.fromEntries(Object.entries(parts).map(([key, values]) => [key, summary(values)])),
    cold: cold.stack.length ? { stack: summary(cold.stack), turn: summary(cold.turn), provider: summary(cold.provider) } : null,
    openingCpu: Object.fromEntries(Object.keys(openingCpu[0] ?? {}).map((role) => [role, summary(openingCpu.map((run) => run[role]))])),
    openingCpuTotal: summary(openingCpu.map((run) => Object.values(run).reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0))),
    openingWindows,
  };
}

/** POST /api/chat → the first `text-delta` chunk of its UI message stream; the rest is read to the end. */
async function chatFirstDelta(stack, user, chatId, text) {
  const started = now();
  const response = await fetch(`${stack.baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ id: chatId, message: { id: randomUUID(), role: 'user', parts: [{ type: 'text', text }] }, selectedChatModel: 'paced-bench', selectedVisibilityType: 'private' }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) throw new Error(`POST /api/chat answered ${response.status}: ${await response.text()}`);
  let firstAt = null;
  let done = false;
  const parser = createParser({
    onEvent: (event) => {
      if (event.data === '[DONE]') done = true;
      else if (firstAt === null && JSON.parse(event.data).type === 'text-delta') firstAt = now();
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  while (!done) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  if (firstAt === null) throw new Error('the chat reply carried no text');
  return firstAt - started;
}

/** Phase 2b: the chat's first text delta through POST /api/chat (the AI SDK's UI message stream), against the provider alone. */
async function chatTimeToFirstDelta(stack) {
  await control(stack, { ...TTFC_SCRIPT, barrier: 0 });
  const user = await register(stack, 'chat-ttfc');
  // A user of its own for the new chats: each account's daily allowance is 100 messages.
  const newcomer = await register(stack, 'chat-first-ttfc');
  const chatId = randomUUID();
  // A chat's first message also names the chat (a second request to the provider): the runs below measure it apart.
  await chatFirstDelta(stack, user, chatId, 'Hello!');
  const chatTimes = [];
  const firstMessageTimes = [];
  const providerTimes = [];
  for (let index = 0; index < TTFC_WARMUP + TTFC_RUNS; index += 1) {
    const provider = await providerFirstDelta(stack);
    await sleep(50);
    const chat = await chatFirstDelta(stack, user, chatId, `What happens next? (${index + 1})`);
    await sleep(50);
    const firstMessage = await chatFirstDelta(stack, newcomer, randomUUID(), `Hello again! (${index + 1})`);
    // The new chat's title step streams beside its reply; it has ended before the next run.
    await sleep(150);
    if (index < TTFC_WARMUP) continue;
    providerTimes.push(provider);
    chatTimes.push(chat);
    firstMessageTimes.push(firstMessage);
  }
  const sorted = (values) => [...values].sort((a, b) => a - b);
  const summary = (values) => ({ p50: percentile(sorted(values), 50), p95: percentile(sorted(values), 95) });
  return { chat: summary(chatTimes), firstMessage: summary(firstMessageTimes), provider: summary(providerTimes) };
}

/** WebSocket frame size of a server→client text frame (unmasked) with this payload. */
const frameBytes = (payloadBytes) => payloadBytes + (payloadBytes < 126 ? 2 : payloadBytes < 65_536 ? 4 : 10);

/**
 * Splits the server's WebSocket byte stream into frames (server frames are never masked) and
 * calls onFrame with each whole frame's size on the wire: header plus payload as sent, so a
 * compressed frame counts its compressed bytes.
 */
function frameReader(onFrame) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < 2) return;
      const opcode = pending[0] & 0x0f;
      const short = pending[1] & 0x7f;
      const header = short === 126 ? 4 : short === 127 ? 10 : 2;
      if (pending.length < header) return;
      const length = short === 126 ? pending.readUInt16BE(2) : short === 127 ? Number(pending.readBigUInt64BE(2)) : short;
      if (pending.length < header + length) return;
      onFrame(header + length, opcode);
      pending = pending.subarray(header + length);
    }
  };
}

/** Phase 3: websocket bytes for one reply's entries against the reply's text. */
async function bytesPerReply(stack, scenarioId, words, compress) {
  const user = await register(stack, `bytes-${words}-c${stack.coalesceMs}-${compress ? 'z' : 'p'}`);
  const socket = await connectSocket(stack, user, { compress });
  const ws = socket.io.engine.transport.ws;
  const counted = { entries: 0, inflated: 0, sent: 0, tcp: 0 };
  let target = null;
  // Each data message ('message', inflated) pairs with the next data frame read off the wire, in order.
  const messages = [];
  const frames = [];
  const pair = () => {
    while (messages.length && frames.length) {
      const text = messages.shift();
      const sent = frames.shift();
      if (!text.startsWith('42')) continue;
      const [event, first] = JSON.parse(text.slice(2));
      const generationId = event === 'generation:delta' ? first : event === 'generation:entry' ? first.generationId : null;
      if (generationId !== target) continue;
      counted.entries += 1;
      counted.inflated += frameBytes(Buffer.byteLength(text));
      counted.sent += sent;
    }
  };
  const onMessage = (data) => {
    messages.push(typeof data === 'string' ? data : data.toString('utf8'));
    pair();
  };
  const readFrames = frameReader((size, opcode) => {
    if (opcode > 0x7) return; // control frames (ping, pong, close) carry no message
    frames.push(size);
    pair();
  });
  // Every byte the TCP connection carried meanwhile, whatever it was (pings and other events included).
  const onTcp = (chunk) => {
    counted.tcp += chunk.length;
    readFrames(chunk);
  };
  await control(stack, { words, intervalMs: BYTES_INTERVAL_MS, barrier: 0 });
  ws.on('message', onMessage);
  ws._socket?.on('data', onTcp);
  const session = await api(stack, 'POST', '/api/game/sessions', { token: user.token, body: { scenarioId }, expect: 201 });
  target = session.generationId;
  await waitForEntries(() => received.get(session.generationId)?.end, words * BYTES_INTERVAL_MS + 60_000, 'reply');
  await sleep(200); // the end entry's inflated message may follow its frame by a moment
  ws._socket?.off('data', onTcp);
  ws.off('message', onMessage);
  const receipts = received.get(session.generationId);
  const textBytes = Buffer.byteLength(receipts.text);
  const generation = await api(stack, 'GET', `/api/generations/${session.generationId}`, { token: user.token, expect: 200 });
  await waitUntilIdle(stack, user, [{ sessionId: session.id, token: user.token }], 30_000);
  socket.benchClosing = true;
  socket.close();
  return {
    coalesceMs: stack.coalesceMs,
    words: receipts.text.split(/\s+/).filter(Boolean).length,
    textBytes,
    entries: counted.entries,
    inflated: counted.inflated,
    sent: counted.sent,
    tcp: counted.tcp,
    ratio: counted.sent / textBytes,
    compression: ws.extensions || 'none',
    ok: receipts.text === replyText(words) && generation.text === receipts.text && counted.entries === receipts.order.length,
  };
}

// ---------------------------------------------------------------- main
async function machine() {
  const cpus = os.cpus();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
  redis.disconnect();
  const postgresVersion = await withPg(serverUrl, (client) => client.query('SHOW server_version')).then((result) => result.rows[0].server_version);
  return {
    cpu: `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}`,
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    redis: redisVersion,
    postgres: postgresVersion,
  };
}

function report({ when, host, levels, ttfc, chatTtfc, bytes, workers, notes }) {
  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`StoryOS streaming benchmark — ${when}`);
  lines.push(`Machine: ${host.cpu}, ${host.memory} RAM, Node ${host.node}, ${host.os}; Redis ${host.redis}, PostgreSQL ${host.postgres}`);
  lines.push(`Machine load before the run: ${Number.isFinite(host.busyBefore) ? `${host.busyBefore.toFixed(0)}% of one core busy over 3 s` : 'unknown'}.`);
  lines.push(`Bench client priority: ${raisedPriority ? 'nice −5 relative to the stack (so its own starvation pollutes the timings less)' : 'same as the stack (raising it was not permitted)'}.`);
  if (CPU_PROF) lines.push('Profiled (--cpu-prof): the API and workers ran under V8\'s sampling profiler, so every timing below is slower than an unprofiled run\'s.');
  lines.push(`Stack: 1 API process + ${workers} worker processes × WORKER_CONCURRENCY ${CONCURRENCY_PER_WORKER}, all on this machine with Redis, PostgreSQL, the paced fake provider and the bench client.`);
  lines.push('');
  if (levels.length) {
    lines.push(`1. Chunk latency, worker emit → Socket.IO client receipt (STREAM_COALESCE_MS 40; provider: ${LATENCY_SCRIPT.words} words, one per delta every ${LATENCY_SCRIPT.intervalMs} ms; one user and socket per stream; ${OFFER_COMPRESSION ? 'the sockets offer WebSocket compression, as browsers do' : 'no WebSocket compression offered (--compression=off)'})`);
    lines.push('   Emit = the entry\'s arrival at the bench on a connection tailing that generation\'s Redis stream with XREAD BLOCK (one connection per stream; the worker XADDs, then emits);');
    lines.push('   receipt = the entry event (generation:delta or generation:entry) on the owner\'s socket, matched by (generationId, seq); both clocks are the bench process\'s performance.now().');
    lines.push('');
    row(['streams', 'peak concurrent', 'entries', 'entries/s', 'min ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'lost / dup / out of order / text wrong']);
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', ':---']);
    for (const level of levels) {
      const p = level.problems;
      row([level.streams, level.peak, level.entries, level.entriesPerSecond.toFixed(0), ms(level.min), ms(level.p50), ms(level.p95), ms(level.p99), ms(level.max), `${p.missingOnSocket + p.gaps} / ${p.duplicates} / ${p.outOfOrder} / ${p.textMismatch + p.storedMismatch + p.notCompleted}`]);
    }
    lines.push('');
    lines.push('   CPU during each latency run, % of one core (the machine has ' + host.cores + '):');
    lines.push('');
    row(['streams', 'run s', 'API', `${workers} workers`, 'Redis', 'bench client', 'provider', 'everything else (PostgreSQL, kernel, other programs)', 'whole machine', 'bench event-loop delay p99 ms']);
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
    const pct = (value) => (Number.isFinite(value) ? value.toFixed(0) : '–');
    for (const level of levels) {
      const c = level.cpu;
      row([level.streams, c.seconds.toFixed(1), pct(c.api), pct(c.workers), pct(c.redis), pct(c.bench), pct(c.provider), pct(c.rest), pct(c.machine), ms(level.benchLoopP99)]);
    }
    lines.push('');
  }
  if (ttfc) {
    lines.push(`2. Time to first chunk, ${TTFC_RUNS} sequential runs after ${TTFC_WARMUP} not counted (provider: first delta at once, then every ${TTFC_SCRIPT.intervalMs} ms)`);
    lines.push('');
    row(['path', 'p50 ms', 'p95 ms']);
    row([':---', '---:', '---:']);
    row(['whole stack: POST /api/game/sessions → first generation:delta on the socket', ms(ttfc.stack.p50), ms(ttfc.stack.p95)]);
    row(['provider alone: POST /v1/chat/completions → first SSE content delta', ms(ttfc.provider.p50), ms(ttfc.provider.p95)]);
    row(['  of which: POST sent → generation created (HTTP, sign-in check, reads before the transaction; ms clock)', ms(ttfc.parts.toCreated.p50), ms(ttfc.parts.toCreated.p95)]);
    row(['  of which: generation created → worker started (rows stored, queued, picked up; ms clock)', ms(ttfc.parts.queued.p50), ms(ttfc.parts.queued.p95)]);
    row(['  of which: worker started → first provider token (ms clock)', ms(ttfc.parts.toFirstToken.p50), ms(ttfc.parts.toFirstToken.p95)]);
    row(['  of which: first provider token → socket receipt (includes the coalescing window)', ms(ttfc.parts.firstTokenToSocket.p50), ms(ttfc.parts.firstTokenToSocket.p95)]);
    row(['turn: POST /api/game/sessions/:id/turns → first generation:delta on the socket', ms(ttfc.turn.p50), ms(ttfc.turn.p95)]);
    row(['chat: POST /api/chat → first text-delta chunk of its UI message stream (same connection)', ms(chatTtfc.chat.p50), ms(chatTtfc.chat.p95)]);
    row(['  a new chat\'s first message (its title step starts beside the reply)', ms(chatTtfc.firstMessage.p50), ms(chatTtfc.firstMessage.p95)]);
    row(['provider alone, measured between the chat runs', ms(chatTtfc.provider.p50), ms(chatTtfc.provider.p95)]);
    if (ttfc.cold) {
      row([`not counted — the first ${TTFC_WARMUP} runs after the stack started: game opening`, ms(ttfc.cold.stack.p50), ms(ttfc.cold.stack.p95)]);
      row(['  a player\'s turn', ms(ttfc.cold.turn.p50), ms(ttfc.cold.turn.p95)]);
      row(['  provider alone', ms(ttfc.cold.provider.p50), ms(ttfc.cold.provider.p95)]);
    }
    lines.push('');
    lines.push('   CPU from a game opening\'s request to its first delta, ms per opening (/proc schedstat, all threads; the machine has 2 cores):');
    lines.push('');
    const roles = Object.keys(ttfc.openingCpu);
    row(['', ...roles, 'all of them']);
    row([':---', ...roles.map(() => '---:'), '---:']);
    row(['p50', ...roles.map((role) => ms(ttfc.openingCpu[role].p50)), ms(ttfc.openingCpuTotal.p50)]);
    row(['p95', ...roles.map((role) => ms(ttfc.openingCpu[role].p95)), ms(ttfc.openingCpuTotal.p95)]);
    lines.push('');
  }
  if (bytes.length) {
    lines.push(`3. Websocket bytes per reply (provider: one word per delta every ${BYTES_INTERVAL_MS} ms). Bytes sent = the WebSocket frames of that reply's generation:delta and generation:entry events as they crossed the wire`);
    lines.push('   (header + payload, compressed when compression was negotiated), read off the TCP stream frame by frame; uncompressed = the same frames before compression;');
    lines.push('   TCP bytes in window = everything the connection received from the request to the end entry (other events and pings included).');
    lines.push('');
    row(['STREAM_COALESCE_MS', 'compression', 'words', 'text bytes', 'entries', 'uncompressed frame bytes', 'bytes sent', 'bytes sent / text byte', 'TCP bytes in window', 'text intact']);
    row(['---:', ':---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', ':---']);
    for (const b of bytes) row([b.coalesceMs, b.compression === 'none' ? 'none' : b.compression.replace(/;.*/, ''), b.words, b.textBytes, b.entries, b.inflated, b.sent, b.ratio.toFixed(2), b.tcp, b.ok ? 'yes' : 'NO']);
  }
  if (notes.length) {
    lines.push('');
    for (const note of notes) lines.push(`Note: ${note}`);
  }
  return lines.join('\n');
}

/** Our priority at start; the bench client asks for a little more so its own starvation pollutes the figures less. */
const BASE_PRIORITY = os.getPriority();
let raisedPriority = false;

async function main() {
  try {
    os.setPriority(BASE_PRIORITY - 5);
    raisedPriority = true;
  } catch {
    // Needs privileges; the client then competes with the stack on equal terms.
  }
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const host = await machine();
  host.busyBefore = await machineBusy(3000);
  // --wait-quiet[=minutes]: on a shared machine, wait (bounded) until other programs leave the CPUs alone.
  const quietLimitMs = args.has('wait-quiet') ? Math.min(Number(args.get('wait-quiet')) || 10, 60) * 60_000 : 0;
  for (const waitUntil = Date.now() + quietLimitMs; host.busyBefore > 25 && Date.now() < waitUntil; ) {
    log(`waiting for a quiet machine (${host.busyBefore.toFixed(0)}% of one core busy)…`);
    host.busyBefore = await machineBusy(5000);
  }
  if (host.busyBefore > 30) log(`warning: the machine is already busy (${host.busyBefore.toFixed(0)}% of one core over 3 s before the bench); figures will carry that load`);
  log(`starting the stack (database ${databaseName}, Redis prefix ${redisPrefix}, ${WORKERS} workers; logs in ${logDir})`);
  const stack = await startStack();
  const notes = [];
  const tail = new RedisTail();
  await tail.grow(MAX_STREAMS);
  closers.push(() => tail.stop());

  const adminSession = await api(stack, 'POST', '/api/auth/login', { body: stack.admin, expect: 200 });
  const scenario = await api(stack, 'POST', '/api/scenarios', { token: adminSession.accessToken, body: SCENARIO, expect: 201 });
  log(`registering ${MAX_STREAMS + 1} users and connecting their sockets…`);
  const users = PHASES.has('latency') ? await pool(Array.from({ length: MAX_STREAMS }, (_, index) => index), 8, (index) => register(stack, `stream-${index}`)) : [];
  await pool(users, 20, (user) => connectSocket(stack, user));

  const levels = [];
  for (const streams of PHASES.has('latency') ? LEVELS : []) {
    log(`latency: ${streams} concurrent stream(s)…`);
    const level = await latencyLevel(stack, tail, users, scenario.id, streams);
    log(`  ${streams}: p50 ${ms(level.p50)} p95 ${ms(level.p95)} p99 ${ms(level.p99)} max ${ms(level.max)} ms over ${level.measured} entries; problems ${JSON.stringify(level.problems)}`);
    levels.push(level);
  }

  let ttfc = null;
  let chatTtfc = null;
  if (PHASES.has('ttfc')) {
    log(`time to first chunk: ${TTFC_WARMUP} runs not counted, then ${TTFC_RUNS}…`);
    const ttfcUser = await register(stack, 'ttfc');
    await connectSocket(stack, ttfcUser);
    ttfc = await timeToFirstChunk(stack, ttfcUser, scenario.id);
    log(`chat time to first text delta: ${TTFC_WARMUP} runs not counted, then ${TTFC_RUNS}…`);
    chatTtfc = await chatTimeToFirstDelta(stack);
  }

  const bytes = [];
  for (const coalesce of PHASES.has('bytes') ? ['40', '0'] : []) {
    if (Number(coalesce) !== stack.coalesceMs) {
      log(`restarting the workers with STREAM_COALESCE_MS=${coalesce}…`);
      await startWorkers(stack, { STREAM_COALESCE_MS: coalesce });
    }
    for (const words of BYTES_WORDS) {
      for (const compress of [false, true]) {
        log(`bytes: ${words} words, coalescing ${coalesce} ms, ${compress ? 'client offers compression' : 'no compression offered'}…`);
        bytes.push(await bytesPerReply(stack, scenario.id, words, compress));
      }
    }
  }

  const negatives = levels.reduce((sum, level) => sum + level.problems.negative, 0);
  if (negatives) notes.push(`${negatives} entries reached the socket before the Redis tail saw them (negative latency, kept in the percentiles): when the bench's own event loop stalls (its p99 delay is in the CPU table), socket and Redis data wait together and are handled in either order, so the error is about that stall.`);
  if (socketDisconnects.length) notes.push(`sockets disconnected during the run: ${socketDisconnects.join(', ')}`);
  const resets = levels.reduce((sum, level) => sum + level.problems.resets, 0);
  if (resets) notes.push(`${resets} reset entries (retried generations) during the latency runs.`);
  const caughtUp = levels.reduce((sum, level) => sum + level.caughtUp, 0);
  if (caughtUp) notes.push(`${caughtUp} entries were already in Redis when the bench began tailing their stream (it learns a generation id from the POST answer), so they have no live emit time and are left out.`);
  if (levels.length) notes.push(`latency runs posted their sessions in ${levels.map((level) => `${(level.postedIn / 1000).toFixed(1)} s (${level.streams})`).join(', ')}; the provider held each level's replies until all had arrived, then streamed them together.`);
  console.log(`\n${report({ when, host, levels, ttfc, chatTtfc, bytes, workers: WORKERS, notes })}\n`);
  if (CPU_PROF && ttfc) console.log(`${(await openingProfiles(stack, ttfc.openingWindows)).join('\n')}\n`);
}

/** --cpu-prof: the API and workers stop (V8 writes a profile as a process exits), then each one's busiest functions inside the openings' windows. */
async function openingProfiles(stack, windows) {
  await closeConnections();
  await Promise.all([stack.api, ...stack.workers].map((child) => stopChild(child, 30_000)));
  const files = readdirSync(PROFILE_DIR).filter((file) => file.endsWith('.cpuprofile')).sort();
  // Kept beside the profiles, so they can be read again for the same windows.
  const windowsFile = path.join(PROFILE_DIR, 'windows.json');
  writeFileSync(windowsFile, JSON.stringify(windows));
  // A worker restarted for the bytes phase has no samples in these windows.
  const results = files
    .map((file) => ({ name: file.replace(/\.cpuprofile$/, ''), file: path.join(PROFILE_DIR, file), result: timeInWindows(readProfile(path.join(PROFILE_DIR, file)), windows) }))
    .filter(({ result }) => result.busyUs > 0);
  return [
    `CPU profiles (--cpu-prof, a sample every 100 µs) inside the ${windows.length} measured game openings, request → first delta (their windows on the monotonic clock, in µs: ${windowsFile}); profiling slows the stack, so this run's timings are not comparable with an unprofiled one:`,
    '',
    ...profileTables(results),
  ];
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`bench:stream failed: ${error.stack ?? error}`);
} finally {
  await cleanup(failed);
  clearTimeout(overall);
}
process.exit(failed ? 1 : 0);
