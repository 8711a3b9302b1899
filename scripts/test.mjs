#!/usr/bin/env node
// `npm test` (and `.ci/run`): every test layer in order, stopping at the
// first failure — lint, typecheck, unit, build, integration (real PostgreSQL
// and Redis), browser (Debian chromium) and these scripts' own tests.
// The last line is always `N passed, M failed`.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { changesMadeDuring, gitStatusLines } from './lib/git-tree.mjs';
import { prefixFor } from './lib/log-format.mjs';
import { runCommand, signalRunningCommands, Supervisor } from './lib/processes.mjs';
import { exitOnUnsupportedNode } from './lib/node-version.mjs';
import { ensurePostgres, ensureRedis } from './lib/services.mjs';
import { runStages, summarize } from './lib/stages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
exitOnUnsupportedNode(root);

const WIDTH = 8;
const log = (message) => console.log(`${prefixFor('test', WIDTH, false)}${message}`);
const supervisor = new Supervisor({ width: WIDTH });

let stopping = false;
async function stopServices() {
  if (stopping) return;
  stopping = true;
  await supervisor.stopAll({ timeoutMs: 15_000, log });
}
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    signalRunningCommands(signal);
    void stopServices().then(() => process.exit(code));
  });
}
process.on('exit', () => {
  signalRunningCommands('SIGKILL');
  supervisor.killAllNow();
});

function finish(results) {
  const { lines, final } = summarize(results);
  console.log(`\n${'─'.repeat(60)}\n${lines.join('\n')}\n${'─'.repeat(60)}`);
  console.log(final);
}

async function main() {
  const statusBefore = gitStatusLines(root);
  let chromium;
  let stageEnv;
  try {
    await ensureDependencies(root, log);
    chromium = await ensureChromium(log);
    if (!chromium.ok) log(chromium.message);
    const redis = await ensureRedis({ root, env: process.env, supervisor, profile: 'test', log });
    log(`Redis: ${redis.detail}`);
    const postgres = await ensurePostgres({ root, env: process.env, supervisor, profile: 'test', database: 'postgres', log });
    log(`PostgreSQL: ${postgres.detail}`);
    stageEnv = {
      ...process.env,
      CI: process.env.CI || 'true',
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      TEST_DATABASE_URL: postgres.adminUrl,
      REDIS_URL: redis.url,
    };
  } catch (error) {
    await stopServices();
    finish([{ name: 'setup', status: 'failed', seconds: 0, error: error instanceof Error ? error.message : String(error) }]);
    process.exit(1);
  }

  // A stage that hangs (e.g. jest kept alive by an open handle) fails instead of blocking CI.
  const stageMinutes = Number(process.env.STORYOS_TEST_STAGE_TIMEOUT_MINUTES || 20);
  const run = (command, args) => async () => {
    const code = await runCommand(command, args, {
      env: stageEnv,
      timeoutMs: stageMinutes * 60_000,
      onTimeout: () => log(`no result after ${stageMinutes} minutes; stopping this stage (STORYOS_TEST_STAGE_TIMEOUT_MINUTES)`),
    });
    if (code === 124) throw new Error(`timed out after ${stageMinutes} minutes`);
    return code;
  };
  const nx = (target) => run('npx', ['nx', 'run-many', '-t', target, '--outputStyle=static']);
  // The start and test scripts' helpers, and the benchmarks' pure parts.
  const scriptTests = ['scripts/lib', 'bench/lib'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith('.test.mjs'))
      .map((file) => join(dir, file)),
  );

  const stages = [
    { name: 'lint', run: nx('lint') },
    { name: 'typecheck', run: nx('typecheck') },
    { name: 'unit tests', run: nx('test') },
    { name: 'build', run: nx('build') },
    { name: 'integration tests', run: run('npx', ['jest', '-c', 'apps/api/jest.int.config.ts', '--runInBand', '--ci']) },
    {
      name: 'browser tests',
      run: async () => {
        if (!chromium.ok) throw new Error(chromium.message);
        return run('npx', ['jest', '-c', 'apps/web/e2e/jest.config.ts', '--runInBand', '--ci'])();
      },
    },
    { name: 'scripts tests', run: run(process.execPath, ['--test', ...scriptTests]) },
    {
      // What a fresh clone must stay after `npm test`: no rewritten lock file, no stray output.
      name: 'checkout unchanged',
      run: async () => {
        const changed = statusBefore === null ? [] : changesMadeDuring(statusBefore, gitStatusLines(root) ?? []);
        if (changed.length) throw new Error(`the run changed the checkout (git status): ${changed.join(', ')}`);
        return 0;
      },
    },
  ];

  const { results, failed } = await runStages(stages, {
    onStart: (stage) => console.log(`\n━━━ ${stage.name} ━━━`),
  });
  await stopServices();
  finish(results);
  process.exit(failed ? 1 : 0);
}

void main();
