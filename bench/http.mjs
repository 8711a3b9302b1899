#!/usr/bin/env node
// StoryOS HTTP benchmark: `npm run bench:http` (after `npm run build`).
//
// Starts the built API (NODE_ENV=production, LOG_LEVEL=info, as deployed) on a
// throwaway database and Redis prefix, and the bare baselines of
// bench/http-baselines.mjs in a process of their own, then loads both with
// autocannon in the same run, alternating rounds so machine load hits both alike:
//   GET /api/health                     vs Express returning the same JSON;
//   GET /api/game/sessions (20 rows)    vs Express + pg with the same token check and queries.
// Prints requests/s, latency, the API ÷ baseline ratio, and where the CPU went.
// Options: --quick, --seconds=8, --rounds=2, --connections=50, --wait-quiet[=minutes],
// --only=health|sessions, --cpu-prof (writes the API's V8 CPU profile to $TMPDIR/storyos-bench-http-profiles, for finding the gap).
import os from 'node:os';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { args, call, describeMachine, log, machineCpu, namedCpu, onCleanup, processCpu, Redis, redisUrl, requireBuiltApi, ROOT, startApiStack, startNode, stopChild, waitQuiet, withPg, stopChildren } from './lib/stack.mjs';

requireBuiltApi('bench:http');
const { default: autocannon } = await import('autocannon');

const QUICK = args.has('quick');
const SECONDS = Math.max(2, Math.min(Number(args.get('seconds') ?? (QUICK ? 4 : 8)), 60));
const ROUNDS = Math.max(1, Math.min(Number(args.get('rounds') ?? (QUICK ? 1 : 2)), 10));
const CONNECTIONS = Math.max(1, Math.min(Number(args.get('connections') ?? 50), 500));
const SESSIONS = 20;
const PROFILE_DIR = path.join(os.tmpdir(), 'storyos-bench-http-profiles');

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

async function seed(stack) {
  const admin = await call(stack.baseUrl, 'POST', '/api/auth/login', { body: stack.admin, expect: 200 });
  const scenario = await call(stack.baseUrl, 'POST', '/api/scenarios', { token: admin.accessToken, body: SCENARIO, expect: 201 });
  const session = await call(stack.baseUrl, 'POST', '/api/auth/register', { body: { email: `player-${stack.id}@bench.test`, password: 'correct horse 42' }, expect: 201 });
  // One game through the API (no worker runs, so its opening stays queued), then 19 copies of its row.
  const game = await call(stack.baseUrl, 'POST', '/api/game/sessions', { token: session.accessToken, body: { scenarioId: scenario.id }, expect: 201 });
  await withPg(stack.databaseUrl, (client) => client.query(
    `INSERT INTO game_sessions (id, owner_id, scenario_id, title, player_name, player_role, state, turn_count, last_played_at)
     SELECT gen_random_uuid(), owner_id, scenario_id, title || ' ' || n, player_name, player_role, state, n, last_played_at - n * interval '1 minute'
     FROM game_sessions, generate_series(1, $2) AS n WHERE id = $1`,
    [game.id, SESSIONS - 1],
  ));
  const page = await call(stack.baseUrl, 'GET', '/api/game/sessions', { token: session.accessToken, expect: 200 });
  if (page.items.length !== SESSIONS) throw new Error(`expected ${SESSIONS} sessions, the API lists ${page.items.length}`);
  return { token: session.accessToken };
}

async function cpuSample(pids, redis) {
  const info = await redis.info('cpu');
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    server: pids.reduce((sum, pid) => sum + processCpu(pid), 0),
    postgres: namedCpu('postgres'),
    redis: Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1]),
    load: (own.user + own.system) / 1e6,
    machine: machineCpu(),
  };
}

/** One autocannon run against url; returns its figures and the CPU each part used, in % of one core. */
async function load(url, { token, pid, redis }) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const before = await cpuSample([pid], redis);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const after = await cpuSample([pid], redis);
  const seconds = (after.at - before.at) / 1000;
  const share = (key) => (100 * (after[key] - before[key])) / seconds;
  const cpu = { server: share('server'), postgres: share('postgres'), redis: share('redis'), load: share('load'), machine: share('machine') };
  cpu.rest = cpu.machine - cpu.server - cpu.postgres - cpu.redis - cpu.load;
  const ok = result.requests.total - result.non2xx - result.errors;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpu,
    cpuMsPerRequest: ok > 0 ? (1000 * (after.server - before.server)) / result.requests.total : NaN,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const busyBefore = await waitQuiet();
  const nodeArgs = args.has('cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  if (nodeArgs.length) mkdirSync(PROFILE_DIR, { recursive: true });
  log('starting the API on a throwaway database…');
  const stack = (started = await startApiStack('bench-http', {}, { nodeArgs }));
  const { token } = await seed(stack);
  const health = await call(stack.baseUrl, 'GET', '/api/health', { expect: 200 });
  delete health.uptimeSeconds;
  const baseline = await startNode('baselines', path.join(ROOT, 'bench/http-baselines.mjs'), {
    env: { ...process.env, DATABASE_URL: stack.databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: stack.redisPrefix, JWT_SECRET: stack.env.JWT_SECRET, HEALTH_JSON: JSON.stringify(health) },
    logDir: stack.logDir,
    ready: /\{"port":(\d+)\}/,
  });
  const baselineUrl = `http://127.0.0.1:${baseline.ready[1]}`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  onCleanup(() => redis.disconnect());

  const targets = [
    { name: 'GET /api/health', path: '/api/health', baseline: 'Express, same JSON' },
    { name: `GET /api/game/sessions (${SESSIONS} rows, bearer token)`, path: '/api/game/sessions', token, baseline: 'Express + pg, same token check and queries' },
  ];
  // Same answers from both, so the comparison is fair.
  for (const target of targets) {
    const [a, b] = await Promise.all([stack.baseUrl, baselineUrl].map((base) => call(base, 'GET', target.path, { token: target.token, expect: 200 })));
    const shape = (body) => JSON.stringify(body, (key, value) => (key === 'uptimeSeconds' ? 0 : value));
    if (shape(a) !== shape(b)) throw new Error(`${target.path}: the baseline answers differently\nAPI:      ${shape(a).slice(0, 400)}\nbaseline: ${shape(b).slice(0, 400)}`);
  }

  const results = [];
  const only = args.get('only');
  for (const target of targets.filter((t) => !only || t.path.includes(only))) {
    const runs = { api: [], baseline: [] };
    log(`${target.name}: warming up…`);
    await autocannon({ url: `${stack.baseUrl}${target.path}`, connections: 10, duration: 2, headers: target.token ? { authorization: `Bearer ${target.token}` } : {} });
    await autocannon({ url: `${baselineUrl}${target.path}`, connections: 10, duration: 2, headers: target.token ? { authorization: `Bearer ${target.token}` } : {} });
    for (let round = 0; round < ROUNDS; round++) {
      for (const [side, base, pid] of [['baseline', baselineUrl, baseline.pid], ['api', stack.baseUrl, stack.api.pid]]) {
        log(`${target.name}: ${side}, round ${round + 1} of ${ROUNDS} (${SECONDS} s, ${CONNECTIONS} connections)…`);
        runs[side].push(await load(`${base}${target.path}`, { token: target.token, pid, redis }));
      }
    }
    results.push({ target, runs });
  }
  if (nodeArgs.length) {
    await stopChild(stack.api, 30_000);
    log(`the API's CPU profile is in ${PROFILE_DIR}`);
  }
  await stopChild(baseline);
  console.log(`\n${report(results, busyBefore)}\n`);
}

function report(results, busyBefore) {
  const lines = [];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  const f0 = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  const f1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  lines.push(`StoryOS HTTP benchmark — ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
  lines.push(`Machine: ${describeMachine()}; ${f0(busyBefore)}% of one core busy before the run.`);
  lines.push(`Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} round(s) alternating baseline and API; the API runs NODE_ENV=production, LOG_LEVEL=info.`);
  lines.push('');
  row(['endpoint', 'server', 'req/s (median)', 'p50 ms', 'p99 ms', 'non-2xx / errors', 'API ÷ baseline']);
  row([':---', ':---', '---:', '---:', '---:', '---:', '---:']);
  for (const { target, runs } of results) {
    const api = runs.api;
    const base = runs.baseline;
    const ratio = median(api.map((run) => run.rps)) / median(base.map((run) => run.rps));
    row([target.name, `bare: ${target.baseline}`, f0(median(base.map((r) => r.rps))), f1(median(base.map((r) => r.p50))), f1(median(base.map((r) => r.p99))), `${base.reduce((s, r) => s + r.non2xx, 0)} / ${base.reduce((s, r) => s + r.errors, 0)}`, '']);
    row(['', 'StoryOS API', f0(median(api.map((r) => r.rps))), f1(median(api.map((r) => r.p50))), f1(median(api.map((r) => r.p99))), `${api.reduce((s, r) => s + r.non2xx, 0)} / ${api.reduce((s, r) => s + r.errors, 0)}`, `**${f2(ratio)}×**`]);
  }
  lines.push('');
  lines.push('CPU during the runs (medians), % of one core (the machine has 2); "server" is the API process or the baseline process:');
  lines.push('');
  row(['endpoint', 'server', 'server CPU ms per request', 'server', 'PostgreSQL (all backends)', 'Redis', 'load generator', 'everything else (kernel, other programs)']);
  row([':---', ':---', '---:', '---:', '---:', '---:', '---:', '---:']);
  for (const { target, runs } of results) {
    for (const [side, label] of [['baseline', 'bare'], ['api', 'StoryOS API']]) {
      const list = runs[side];
      const m = (key) => median(list.map((r) => r.cpu[key]));
      row([target.name, label, f2(median(list.map((r) => r.cpuMsPerRequest))), f0(m('server')), f0(m('postgres')), f0(m('redis')), f0(m('load')), f0(m('rest'))]);
    }
  }
  return lines.join('\n');
}

/** The stack once started, so a failure after that still removes it. */
let started = null;
let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`bench:http failed: ${error.stack ?? error}`);
}
if (started) {
  if (failed) started.markFailed();
  await started.cleanup();
}
await stopChildren();
process.exit(failed ? 1 : 0);
