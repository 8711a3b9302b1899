import type { Response } from 'express';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { ProviderInfoService } from '../provider-info/provider-info.service';
import { HealthController } from './health.controller';

function controllerWith(database: () => Promise<unknown>, redis: () => Promise<unknown>): HealthController {
  const providerInfo = new ProviderInfoService({ name: 'builtin', model: 'templates', detail: 'test' });
  return new HealthController({ query: database } as unknown as DataSource, { ping: redis } as unknown as Redis, providerInfo);
}

function fakeResponse(): Response & { statusCode: number } {
  const response = { statusCode: 200, status(code: number) { response.statusCode = code; return response; } };
  return response as unknown as Response & { statusCode: number };
}

describe('readiness', () => {
  it('is ready with 200 when PostgreSQL and Redis both answer', async () => {
    const response = fakeResponse();
    const body = await controllerWith(async () => [1], async () => 'PONG').ready(response);
    expect(response.statusCode).toBe(200);
    expect(body.status).toBe('ready');
  });

  it('answers 503 and names Redis when Redis is down', async () => {
    const response = fakeResponse();
    const body = await controllerWith(async () => [1], async () => Promise.reject(new Error('connect ECONNREFUSED'))).ready(response);
    expect(response.statusCode).toBe(503);
    expect(body.status).toBe('not_ready');
    expect(body.checks.redis).toEqual({ status: 'down', error: 'connect ECONNREFUSED' });
    expect(body.checks.database.status).toBe('up');
  });

  it('answers 503 when PostgreSQL is down', async () => {
    const response = fakeResponse();
    const body = await controllerWith(async () => Promise.reject(new Error('db gone')), async () => 'PONG').ready(response);
    expect(response.statusCode).toBe(503);
    expect(body.checks.database.status).toBe('down');
  });

  it('treats a dependency that hangs as down', async () => {
    jest.useFakeTimers();
    try {
      const response = fakeResponse();
      const pending = controllerWith(async () => [1], () => new Promise(() => undefined)).ready(response);
      await jest.advanceTimersByTimeAsync(2500);
      const body = await pending;
      expect(response.statusCode).toBe(503);
      expect(body.checks.redis.error).toMatch(/No answer within/);
    } finally {
      jest.useRealTimers();
    }
  });
});
