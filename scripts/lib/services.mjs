// Finds or starts the PostgreSQL and Redis the app needs, in the order
// PRODUCT.md gives: configured URL → the local default port → one we start in .data/.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, postgresAnswersQuery, redisAnswersPing, tcpAnswers } from './probes.mjs';
import { persistentSecret, randomSecret } from './secrets.mjs';

const RUNNER = fileURLToPath(new URL('./embedded-postgres-runner.mjs', import.meta.url));
export const READY_MARKER = 'STORYOS_EMBEDDED_POSTGRES_READY';

/**
 * Where each script keeps the services it starts itself. Tests use their own
 * ports and directories so `npm test` can run beside `npm start`.
 */
export const PROFILES = {
  start: {
    postgres: { dataDir: '.data/postgres', port: 54329 },
    redis: { dir: '.data/redis', port: 63790, persist: true },
  },
  test: {
    postgres: { dataDir: '.data/test/postgres', port: 54339 },
    redis: { dir: '.data/test/redis', port: 63799, persist: false },
  },
};

/** Ports probed for a PostgreSQL / Redis already running on this machine. */
export function localPorts(env) {
  // STORYOS_PG_PROBE_PORT / STORYOS_REDIS_PROBE_PORT exist to exercise the
  // fallback paths on a machine that has local servers (README: "Script overrides").
  return {
    postgres: Number(env.STORYOS_PG_PROBE_PORT || 5432),
    redis: Number(env.STORYOS_REDIS_PROBE_PORT || 6379),
  };
}

/** `url` with its database (path) replaced by `database`. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database name in a postgres:// URL (`postgres` when none is given). */
export function databaseOf(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name || 'postgres';
}

/**
 * Decides where PostgreSQL comes from. `probeLocal()` resolves
 * `{ ok, reason? }` for the server on the local default port.
 */
export async function choosePostgres({ configuredUrl, probeLocal }) {
  if (configuredUrl) return { source: 'configured' };
  const local = await probeLocal();
  if (local.ok) return { source: 'local' };
  return { source: 'embedded', reason: local.reason };
}

/** Decides where Redis comes from; `redisServerPath` is null when none is on PATH. */
export async function chooseRedis({ configuredUrl, probeLocal, probeOwn, redisServerPath }) {
  if (configuredUrl) return { source: 'configured' };
  if (await probeLocal()) return { source: 'local' };
  if (await probeOwn()) return { source: 'own-running' };
  if (redisServerPath) return { source: 'own' };
  return { source: 'missing' };
}

/** The absolute path of an executable called `name` on `pathEnv`, or null. */
export function findOnPath(name, pathEnv) {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

export const REDIS_MISSING_MESSAGE = [
  'No Redis found: REDIS_URL is not set, nothing answers PING on localhost:6379,',
  'and there is no redis-server on PATH. Get one of these and run again:',
  '  Debian/Ubuntu:  sudo apt-get install -y redis-server',
  '  macOS:          brew install redis',
  '  Docker:         docker run -d --name storyos-redis -p 6379:6379 redis:7',
  '  or point REDIS_URL at an existing server (redis://host:6379).',
].join('\n');

/**
 * Ensures PostgreSQL. Returns `{ url, adminUrl, source, detail }`: `url` is
 * the app database (created when missing, except for a configured URL),
 * `adminUrl` the same server's `postgres` database (tests create their own
 * databases through it).
 */
export async function ensurePostgres({ root, env, supervisor, profile, database, log }) {
  const configuredUrl = profile === 'test' ? env.TEST_DATABASE_URL || env.DATABASE_URL : env.DATABASE_URL;
  const port = localPorts(env).postgres;
  const localAdminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const choice = await choosePostgres({
    configuredUrl,
    probeLocal: async () =>
      (await tcpAnswers('127.0.0.1', port)) ? postgresAnswersQuery(localAdminUrl) : { ok: false, reason: `nothing listens on 127.0.0.1:${port}` },
  });

  if (choice.source === 'configured') {
    const adminUrl = profile === 'test' && env.TEST_DATABASE_URL ? configuredUrl : withDatabase(configuredUrl, 'postgres');
    const url = profile === 'test' ? adminUrl : configuredUrl;
    return { url, adminUrl, source: 'configured', detail: `from ${profile === 'test' && env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'DATABASE_URL'}` };
  }
  if (choice.source === 'local') {
    if (await ensureDatabase(localAdminUrl, database)) log(`created database "${database}" on 127.0.0.1:${port}`);
    return { url: withDatabase(localAdminUrl, database), adminUrl: localAdminUrl, source: 'local', detail: `local server on 127.0.0.1:${port}` };
  }

  log(`no usable PostgreSQL on 127.0.0.1:${port} (${choice.reason}); using the embedded one`);
  const own = PROFILES[profile].postgres;
  const dataDir = resolve(root, own.dataDir);
  const password = persistentSecret(`${dataDir}-password`, () => randomSecret(18));
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${own.port}/postgres`;
  if (await tcpAnswers('127.0.0.1', own.port)) {
    const reuse = await postgresAnswersQuery(adminUrl);
    if (!reuse.ok) throw new Error(`Port ${own.port} is taken by something that is not our embedded PostgreSQL (${reuse.reason}). Free it and run again.`);
    log(`embedded PostgreSQL on port ${own.port} is already running (left by an earlier run); reusing it`);
  } else {
    await startEmbeddedPostgres({ supervisor, dataDir, port: own.port, passwordFile: `${dataDir}-password`, log });
  }
  if (await ensureDatabase(adminUrl, database)) log(`created database "${database}" in the embedded PostgreSQL`);
  return { url: withDatabase(adminUrl, database), adminUrl, source: 'embedded', detail: `embedded, data in ${own.dataDir} (port ${own.port})` };
}

function startEmbeddedPostgres({ supervisor, dataDir, port, passwordFile, log }) {
  const first = !existsSync(join(dataDir, 'PG_VERSION'));
  log(`starting embedded PostgreSQL (data in ${dataDir}, port ${port})${first ? '; initialising it first (once)' : ''}`);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('embedded PostgreSQL did not become ready within 120s')), 120_000);
    supervisor.start('postgres', process.execPath, [RUNNER, '--data-dir', dataDir, '--port', String(port), '--password-file', passwordFile], {
      tier: 1,
      onLine: (line) => {
        if (line.includes(READY_MARKER)) {
          clearTimeout(timer);
          resolvePromise();
        }
      },
      onExit: ({ code }) => {
        clearTimeout(timer);
        reject(new Error(`embedded PostgreSQL exited (code ${code}); see the postgres lines above`));
      },
    });
  });
}

/** Ensures Redis. Returns `{ url, source, detail }`. */
export async function ensureRedis({ root, env, supervisor, profile, log }) {
  const port = localPorts(env).redis;
  const own = PROFILES[profile].redis;
  const redisServerPath = findOnPath('redis-server', env.PATH);
  const choice = await chooseRedis({
    configuredUrl: env.REDIS_URL,
    probeLocal: () => redisAnswersPing('127.0.0.1', port),
    probeOwn: () => redisAnswersPing('127.0.0.1', own.port),
    redisServerPath,
  });
  switch (choice.source) {
    case 'configured':
      return { url: env.REDIS_URL, source: 'configured', detail: 'from REDIS_URL' };
    case 'local':
      return { url: `redis://127.0.0.1:${port}`, source: 'local', detail: `local server on 127.0.0.1:${port}` };
    case 'own-running':
      log(`redis-server on port ${own.port} is already running (left by an earlier run); reusing it`);
      return { url: `redis://127.0.0.1:${own.port}`, source: 'own', detail: `redis-server, data in ${own.dir} (port ${own.port})` };
    case 'own':
      await startRedisServer({ supervisor, redisServerPath, dir: resolve(root, own.dir), port: own.port, persist: own.persist, localPort: port, log });
      return { url: `redis://127.0.0.1:${own.port}`, source: 'own', detail: `redis-server, data in ${own.dir} (port ${own.port})` };
    default:
      throw new Error(REDIS_MISSING_MESSAGE);
  }
}

async function startRedisServer({ supervisor, redisServerPath, dir, port, persist, localPort, log }) {
  log(`no Redis answers on 127.0.0.1:${localPort}; starting ${redisServerPath} (data in ${dir}, port ${port})`);
  mkdirSync(dir, { recursive: true });
  let exited = null;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes'];
  args.push(...(persist ? ['--appendonly', 'yes'] : ['--appendonly', 'no', '--save', '']));
  supervisor.start('redis', redisServerPath, args, { tier: 1, onExit: (result) => (exited = result) });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`redis-server exited (code ${exited.code}); see the redis lines above`);
    if (await redisAnswersPing('127.0.0.1', port)) return;
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within 15s`);
}

