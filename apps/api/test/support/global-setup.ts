import { Client } from 'pg';
import { runMigrations } from '../../src/database/run-migrations';
import { newTestEnv, STORYOS_TEST_ENV } from './test-env';

/** Each run gets its own database, migrated from scratch, so runs never collide. */
export default async function globalSetup(): Promise<void> {
  const env = newTestEnv();
  const admin = new Client({ connectionString: env.serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${env.databaseName}"`);
  } finally {
    await admin.end();
  }
  await runMigrations(env.databaseUrl);
  process.env[STORYOS_TEST_ENV] = JSON.stringify(env);
}
