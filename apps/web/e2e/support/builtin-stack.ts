import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { WORKSPACE, deleteRedisKeys, freePort, startApiProcess, stopProcess, waitUntilReady } from './processes';
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

/** `extraEnv`: settings of this stack only, e.g. a transcription provider for the microphone journey. */
export async function startBuiltinStack(extraEnv: Record<string, string> = {}): Promise<BuiltinStack> {
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
    // Info, so a failed test's report (failure-report.ts) shows how its generations ended.
    LOG_LEVEL: 'info',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    WEB_DIST_DIR: path.join(WORKSPACE, 'apps/web/dist'),
    CORS_ORIGINS: baseUrl,
    SEED_DEMO: 'false',
    ...extraEnv,
  });

  const api = startApiProcess('main', env, path.join(shared.logDir, 'write-main.log'));
  const worker = startApiProcess('worker', env, path.join(shared.logDir, 'write-worker.log'));
  const stop = async () => {
    await Promise.all([api, worker].map(stopProcess));
    await deleteRedisKeys(redisUrl, redisPrefix);
  };

  try {
    await waitUntilReady(baseUrl, api, path.join(shared.logDir, 'write-main.log'), 'The Writer API');
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
