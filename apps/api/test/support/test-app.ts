import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../src/core/config/app-config';
import { configureApp, HTTP_APP_OPTIONS } from '../../src/core/http/configure-app';
import { testEnv } from './test-env';

export const TEST_JWT_SECRET = 'integration-tests-secret-0123456789abcdef';
let instances = 0;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  /** The environment a worker process needs to share this app's database, Redis and secrets. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Boots the real HTTP app (same wiring as main.ts) on a free port against the
 * run's database. Each instance gets its own Redis prefix unless one is given,
 * so rate limits and queues of one suite never leak into another.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const run = testEnv();
  instances += 1;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: run.databaseUrl,
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: `${run.redisPrefix}_${instances}_${randomBytes(2).toString('hex')}`,
    JWT_SECRET: TEST_JWT_SECRET,
    CORS_ORIGINS: 'http://allowed.test',
    SEED_DEMO: 'false',
    // Every test client signs up from 127.0.0.1; the suites about these limits set their own.
    SIGNUP_MAX_GUESTS_PER_IP: '100000',
    SIGNUP_MAX_REGISTRATIONS_PER_IP: '100000',
    ...overrides,
  };
  const config = loadConfig(env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(HTTP_APP_OPTIONS);
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, config, url: `http://127.0.0.1:${port}`, env, close: () => app.close() };
}

/** Empties every table between suites; the schema stays. */
export async function resetDatabase(app: NestExpressApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  const tables = dataSource.entityMetadatas.map((entity) => `"${entity.tableName}"`).join(', ');
  if (tables) await dataSource.query(`TRUNCATE ${tables} CASCADE`);
}
