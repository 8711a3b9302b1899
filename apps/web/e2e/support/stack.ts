import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { Client } from 'pg';
import { type PacedStoryServer, startPacedStoryServer } from './paced-story-server';
import { STACK_INFO_ENV, type StackInfo } from './stack-info';

/** Global setup and teardown share the Jest parent process, so the child handles wait here between them. */
declare global {
  var storyosE2eStack: { info: StackInfo; children: ChildProcess[]; provider: PacedStoryServer } | undefined;
}

const run = promisify(execFile);
const WORKSPACE = path.resolve(__dirname, '../../../..');
const API_DIST = path.join(WORKSPACE, 'apps/api/dist');
const WEB_DIST = path.join(WORKSPACE, 'apps/web/dist');
const READY_TIMEOUT_MS = 60_000;
const KILL_GRACE_MS = 10_000;

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function assertBuilt(): void {
  for (const file of [path.join(API_DIST, 'main.js'), path.join(API_DIST, 'worker.js'), path.join(WEB_DIST, 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing. Run "npm run build" at the workspace root first.`);
  }
}

/** Starts one API entry point; its output goes to a log file named in any failure message. */
function startProcess(entry: 'main' | 'worker', env: NodeJS.ProcessEnv, logDir: string): ChildProcess {
  const log = createWriteStream(path.join(logDir, `${entry}.log`));
  const child = spawn(process.execPath, [path.join(API_DIST, `${entry}.js`)], { cwd: WORKSPACE, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitUntilReady(baseUrl: string, api: ChildProcess, logDir: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) {
      throw new Error(`The API exited with code ${api.exitCode}. Its log:\n${readFileSync(path.join(logDir, 'main.log'), 'utf8')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API was not ready within ${READY_TIMEOUT_MS / 1000} s; see ${logDir}/main.log`);
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
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    WEB_DIST_DIR: WEB_DIST,
    CORS_ORIGINS: baseUrl,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LLM_BASE_URL: provider.baseUrl,
    LLM_API_KEY: 'e2e',
    LLM_MODEL: 'paced-story-e2e',
  };
  await run(process.execPath, [path.join(API_DIST, 'cli.js'), 'migrate'], { cwd: WORKSPACE, env });
  await run(process.execPath, [path.join(API_DIST, 'cli.js'), 'seed'], { cwd: WORKSPACE, env });

  const api = startProcess('main', env, logDir);
  const worker = startProcess('worker', env, logDir);
  const info: StackInfo = { baseUrl, admin, databaseName, redisPrefix, logDir, pids: [api.pid ?? 0, worker.pid ?? 0] };
  const infoFile = path.join(os.tmpdir(), `storyos-web-e2e-${id}.json`);
  writeFileSync(infoFile, JSON.stringify(info));
  process.env[STACK_INFO_ENV] = infoFile;

  try {
    await waitUntilReady(baseUrl, api, logDir);
  } catch (error) {
    await stopStack(info, [api, worker], provider);
    throw error;
  }
  return { info, children: [api, worker], provider };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Graceful first, so the worker hands its jobs back; forced if it hangs.
    const force = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Stops the processes, then removes every trace of the run: database, Redis keys, info file. */
export async function stopStack(info: StackInfo, children: ChildProcess[], provider: PacedStoryServer): Promise<void> {
  await Promise.all(children.map(stopProcess));
  await provider.close();
  await withPg(serverUrl(), (client) => client.query(`DROP DATABASE IF EXISTS "${info.databaseName}" WITH (FORCE)`));
  await deleteRedisKeys(info.redisPrefix);
  const infoFile = process.env[STACK_INFO_ENV];
  if (infoFile) rmSync(infoFile, { force: true });
}
