import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { readStackInfo } from './stack-info';

/**
 * The Writer journeys need the builtin story engine (its planner writes real
 * outlines), while the shared stack talks to a paced provider that only
 * knows the Play narrator. This starts a second API and worker on the same
 * migrated database with no provider configured and their own Redis prefix,
 * so their queues and rooms stay apart from the shared stack's.
 */
export interface BuiltinStack {
  baseUrl: string;
  stop(): Promise<void>;
}

const WORKSPACE = path.resolve(__dirname, '../../../..');
const API_DIST = path.join(WORKSPACE, 'apps/api/dist');
const READY_TIMEOUT_MS = 60_000;

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

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startBuiltinStack(): Promise<BuiltinStack> {
  const shared = readStackInfo();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const redisPrefix = `${shared.redisPrefix}_w${randomBytes(3).toString('hex')}`;
  const database = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  database.pathname = `/${shared.databaseName}`;
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('LLM_')) env[key] = value;
  Object.assign(env, {
    DATABASE_URL: database.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    WEB_DIST_DIR: path.join(WORKSPACE, 'apps/web/dist'),
    CORS_ORIGINS: baseUrl,
    SEED_DEMO: 'false',
  });

  const children: ChildProcess[] = [];
  for (const entry of ['main', 'worker'] as const) {
    const log = createWriteStream(path.join(shared.logDir, `write-${entry}.log`));
    const child = spawn(process.execPath, [path.join(API_DIST, `${entry}.js`)], { cwd: WORKSPACE, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    children.push(child);
  }

  const stop = async () => {
    await Promise.all(children.map(stopProcess));
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const api = children[0];
    if (api && api.exitCode !== null) {
      const logFile = path.join(shared.logDir, 'write-main.log');
      await stop();
      throw new Error(`The Writer API exited with code ${api.exitCode}. Its log:\n${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).status === 200) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The Writer API was not ready within ${READY_TIMEOUT_MS / 1000} s; see ${shared.logDir}/write-main.log`);
}
