import { type ChildProcess, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { type PacedStoryServer, startPacedStoryServer } from './paced-story-server';
import { API_DIST, WORKSPACE, deleteRedisKeys, freePort, startApiProcess, stopProcess, waitUntilReady } from './processes';
import { STACK_INFO_ENV, type StackInfo } from './stack-info';

/** Global setup and teardown share the Jest parent process, so the child handles wait here between them. */
declare global {
  var storyosE2eStack: { info: StackInfo; children: ChildProcess[]; provider: PacedStoryServer } | undefined;
}

const run = promisify(execFile);
const WEB_DIST = path.join(WORKSPACE, 'apps/web/dist');

const serverUrl = () => process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = () => process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withPg<T>(connectionString: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function assertBuilt(): void {
  for (const file of [path.join(API_DIST, 'main.js'), path.join(API_DIST, 'worker.js'), path.join(WEB_DIST, 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing. Run "npm run build" at the workspace root first.`);
  }
}

/** Creates a throwaway database, migrates and seeds it, then starts the API and one worker against it. */
export async function startStack(): Promise<{ info: StackInfo; children: ChildProcess[]; provider: PacedStoryServer }> {
  assertBuilt();
  const id = randomBytes(6).toString('hex');
  const databaseName = `storyos_e2e_${id}`;
  const redisPrefix = `e2e_${id}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = { email: 'admin@e2e.test', password: `Adm1n-${randomBytes(9).toString('base64url')}` };
  const logDir = path.join(os.tmpdir(), `storyos-web-e2e-${id}`);
  mkdirSync(logDir, { recursive: true });

  await withPg(serverUrl(), (client) => client.query(`CREATE DATABASE "${databaseName}"`));
  // A provider that writes at reading pace, so journeys can stop a reply or reload while it streams.
  const provider = await startPacedStoryServer();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: redisPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    // Info, so a failed test's report (failure-report.ts) shows how its generations ended.
    LOG_LEVEL: 'info',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    WEB_DIST_DIR: WEB_DIST,
    CORS_ORIGINS: baseUrl,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LLM_BASE_URL: provider.baseUrl,
    LLM_API_KEY: 'e2e',
    LLM_MODEL: 'paced-story-e2e',
    // Low enough for the chat journey to reach a guest's daily limit in a few messages.
    CHAT_MESSAGES_GUEST_DAILY: '3',
  };
  await run(process.execPath, [path.join(API_DIST, 'cli.js'), 'migrate'], { cwd: WORKSPACE, env });
  await run(process.execPath, [path.join(API_DIST, 'cli.js'), 'seed'], { cwd: WORKSPACE, env });

  const api = startApiProcess('main', env, path.join(logDir, 'main.log'));
  const worker = startApiProcess('worker', env, path.join(logDir, 'worker.log'));
  const info: StackInfo = { baseUrl, admin, databaseName, redisPrefix, logDir, pids: [api.pid ?? 0, worker.pid ?? 0], providerUrl: provider.baseUrl, providerControlUrl: provider.controlUrl };
  const infoFile = path.join(os.tmpdir(), `storyos-web-e2e-${id}.json`);
  writeFileSync(infoFile, JSON.stringify(info));
  process.env[STACK_INFO_ENV] = infoFile;

  try {
    await waitUntilReady(baseUrl, api, path.join(logDir, 'main.log'));
  } catch (error) {
    await stopStack(info, [api, worker], provider);
    throw error;
  }
  return { info, children: [api, worker], provider };
}

/** Stops the processes, then removes every trace of the run: database, Redis keys, info file. */
export async function stopStack(info: StackInfo, children: ChildProcess[], provider: PacedStoryServer): Promise<void> {
  await Promise.all(children.map(stopProcess));
  await provider.close();
  await withPg(serverUrl(), (client) => client.query(`DROP DATABASE IF EXISTS "${info.databaseName}" WITH (FORCE)`));
  await deleteRedisKeys(redisUrl(), info.redisPrefix);
  const infoFile = process.env[STACK_INFO_ENV];
  if (infoFile) rmSync(infoFile, { force: true });
}
