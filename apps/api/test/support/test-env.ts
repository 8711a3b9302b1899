import { randomBytes } from 'node:crypto';

/** Where the test run's own database and Redis keys live; set once by the global setup. */
export interface TestEnv {
  serverUrl: string;
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  redisPrefix: string;
}

export const STORYOS_TEST_ENV = 'STORYOS_TEST_ENV';

export function newTestEnv(): TestEnv {
  const serverUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `storyos_it_${runId}`;
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return {
    serverUrl,
    databaseUrl: url.toString(),
    databaseName,
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: `it_${runId}`,
  };
}

export function testEnv(): TestEnv {
  const raw = process.env[STORYOS_TEST_ENV];
  if (!raw) throw new Error('The integration test global setup did not run');
  return JSON.parse(raw) as TestEnv;
}
