#!/usr/bin/env node
// StoryOS socket capacity benchmark: `npm run bench:sockets` (after `npm run build`).
//
// Starts the built API on a throwaway database and Redis prefix and opens N
// idle authenticated Socket.IO connections to that one process, in steps,
// reporting after each step how many are connected, the API's resident memory
// and CPU, and so the memory per socket. It then holds them past a ping
// interval (idle sockets must survive heartbeats) and checks that an event
// still reaches a socket opened first. Each socket is its own user and
// sign-in session (access tokens are signed here with the stack's JWT secret,
// exactly as the API signs them), so every socket joins two rooms of its own.
// The clients speak the Engine.IO/Socket.IO protocol over plain `ws`, so the
// bench itself stays small. The file limit is raised for this bench only.
// Options: --sockets=10000, --steps=1000,2500,5000,10000, --hold=30 (seconds).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { args, describeMachine, log, processCpu, Redis, redisUrl, requireBuiltApi, sleep, startApiStack, stopChildren } from './lib/stack.mjs';

const TARGET = Math.max(1, Math.min(Number(args.get('sockets') ?? 10_000), 30_000));
const STEPS = (args.get('steps') ?? [1000, 2500, 5000, 10_000].filter((n) => n < TARGET).concat(TARGET).join(',')).split(',').map(Number).filter((n) => n > 0 && n <= TARGET);
const HOLD_SECONDS = Math.max(0, Math.min(Number(args.get('hold') ?? 30), 300));
const CONNECT_CONCURRENCY = 64;

// The API process and this one each need a descriptor per socket: re-run under a raised limit when it is short.
const needed = TARGET + 2048;
if (!process.env.STORYOS_BENCH_RAISED) {
  const current = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
  if (Number.isFinite(current) && current < needed) {
    const result = spawnSync('sh', ['-c', `ulimit -n ${needed} && exec "$0" "$@"`, process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, STORYOS_BENCH_RAISED: '1' } });
    if (result.status !== null) process.exit(result.status);
    console.error(`bench:sockets could not raise the file limit to ${needed} (it is ${current}); run it with --sockets below ${current - 2048} or raise the hard limit.`);
    process.exit(1);
  }
}

requireBuiltApi('bench:sockets');
const { default: WebSocket } = await import('ws');
const { default: jwt } = await import('jsonwebtoken');

function residentMiB(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * One Socket.IO client over plain ws: Engine.IO open, Socket.IO CONNECT with the token,
 * pong to every ping. Resolves when the namespace accepts it.
 */
function openSocket(url, token, onEvent) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    const client = { ws, closed: false, closeCode: null };
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('connect timed out'));
    }, 60_000);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text === '2') ws.send('3');
      else if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token })}`);
      else if (text.startsWith('40')) {
        clearTimeout(timer);
        resolve(client);
      } else if (text.startsWith('44')) {
        clearTimeout(timer);
        reject(new Error(`refused: ${text.slice(2, 200)}`));
      } else if (text.startsWith('42')) onEvent?.(JSON.parse(text.slice(2)));
    });
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    ws.on('close', (code) => {
      client.closed = true;
      client.closeCode = code;
    });
  });
}

async function main() {
  log(`starting the API on a throwaway database (target ${TARGET} sockets)…`);
  const stack = (started = await startApiStack('bench-sockets'));
  const secret = stack.env.JWT_SECRET;
  const sign = (userId) => jwt.sign({ sub: userId, role: 'user', guest: false, sid: randomUUID() }, secret, { algorithm: 'HS256', expiresIn: 3600 });
  const pid = stack.api.pid;
  await sleep(2000);
  const baseline = { rss: residentMiB(pid), cpu: processCpu(pid) };
  const clients = [];
  const users = [];
  let failures = 0;
  let firstError = null;
  const steps = [];
  const firstEvents = [];
  let ceiling = null;
  for (const step of STEPS) {
    const start = performance.now();
    const cpuBefore = processCpu(pid);
    const todo = step - clients.length;
    let next = 0;
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      while (next < todo && !ceiling) {
        next += 1;
        const userId = randomUUID();
        try {
          const client = await openSocket(stack.baseUrl, sign(userId), clients.length === 0 ? (event) => firstEvents.push(event) : undefined);
          clients.push(client);
          users.push(userId);
        } catch (error) {
          failures += 1;
          firstError ??= error.message;
          if (failures >= 50) ceiling = clients.length;
        }
      }
    }));
    const seconds = (performance.now() - start) / 1000;
    await sleep(1000);
    const rss = residentMiB(pid);
    const open = clients.filter((client) => !client.closed).length;
    steps.push({ step, open, failures, seconds, rss, perSocketKiB: ((rss - baseline.rss) * 1024) / open, cpuMsPerConnect: (1000 * (processCpu(pid) - cpuBefore)) / todo });
    log(`  ${open} sockets open (${failures} failed) in ${seconds.toFixed(1)} s; API RSS ${rss.toFixed(0)} MiB`);
    if (ceiling) break;
  }

  log(`holding ${clients.length} idle sockets for ${HOLD_SECONDS} s (past a ping interval)…`);
  const holdCpu = processCpu(pid);
  await sleep(HOLD_SECONDS * 1000);
  const held = clients.filter((client) => !client.closed).length;
  const idleCpuPct = (100 * (processCpu(pid) - holdCpu)) / Math.max(1, HOLD_SECONDS);
  const finalRss = residentMiB(pid);

  // An event still reaches the first socket: its user's room, through Redis, as a worker would send it.
  const { Emitter } = await import('@socket.io/redis-emitter');
  const redis = new Redis(redisUrl);
  new Emitter(redis, { key: `${stack.redisPrefix}:socket.io` }).to(`user:${users[0]}`).emit('system:pong', { nonce: 'bench', workerId: 'bench', enqueuedAt: new Date().toISOString(), processedAt: new Date().toISOString() });
  for (let waited = 0; waited < 50 && firstEvents.length === 0; waited++) await sleep(100);
  redis.disconnect();
  for (const client of clients) client.ws.terminate();

  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`StoryOS socket capacity benchmark — ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
  lines.push(`Machine: ${describeMachine()}. One API process (NODE_ENV=production), each socket its own user and session; API RSS before any socket: ${baseline.rss.toFixed(0)} MiB.`);
  lines.push('');
  row(['sockets asked', 'open', 'failed (total)', 'connect time s', 'API RSS MiB', 'RSS per open socket KiB', 'API CPU ms per connect']);
  row(['---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const s of steps) row([s.step, s.open, s.failures, s.seconds.toFixed(1), s.rss.toFixed(0), s.perSocketKiB.toFixed(1), s.cpuMsPerConnect.toFixed(2)]);
  lines.push('');
  lines.push(`Held ${held} of ${clients.length} sockets through ${HOLD_SECONDS} s idle (API CPU ${idleCpuPct.toFixed(1)}% of one core, RSS ${finalRss.toFixed(0)} MiB); an event to the first socket's user room ${firstEvents.length ? 'arrived' : 'did NOT arrive'}.`);
  lines.push(ceiling ? `Ceiling: ${ceiling} sockets (50 connections failed; first error: ${firstError}).` : `No ceiling reached up to ${clients.length} sockets${failures ? ` (${failures} connections failed; first error: ${firstError})` : ''}.`);
  console.log(`\n${lines.join('\n')}\n`);
}

/** The stack once started, so a failure after that still removes it. */
let started = null;
let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`bench:sockets failed: ${error.stack ?? error}`);
}
if (started) {
  if (failed) started.markFailed();
  await started.cleanup();
}
await stopChildren();
process.exit(failed ? 1 : 0);
