import Redis from 'ioredis';
import { Client } from 'pg';
import { testEnv } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const env = testEnv();
  const admin = new Client({ connectionString: env.serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${env.databaseName}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await deleteKeys(env.redisUrl, `${env.redisPrefix}*`);
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const stream = redis.scanStream({ match: pattern, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length) await redis.unlink(...keys);
    }
  } finally {
    await redis.quit();
  }
}
