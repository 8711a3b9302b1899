import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { choosePostgres, chooseRedis, databaseOf, findOnPath, localPorts, withDatabase } from './services.mjs';

const never = () => {
  throw new Error('must not probe');
};

test('a configured DATABASE_URL wins without probing anything', async () => {
  assert.deepEqual(await choosePostgres({ configuredUrl: 'postgres://db/x', probeLocal: never }), { source: 'configured' });
});

test('PostgreSQL on the local port is used when it answers a query', async () => {
  assert.deepEqual(await choosePostgres({ configuredUrl: undefined, probeLocal: async () => ({ ok: true }) }), { source: 'local' });
});

test('the embedded PostgreSQL is used when the local port does not answer a query', async () => {
  const choice = await choosePostgres({ configuredUrl: '', probeLocal: async () => ({ ok: false, reason: 'password authentication failed' }) });
  assert.deepEqual(choice, { source: 'embedded', reason: 'password authentication failed' });
});

test('Redis: REDIS_URL, then localhost, then our running one, then redis-server, else missing', async () => {
  const yes = async () => true;
  const no = async () => false;
  assert.equal((await chooseRedis({ configuredUrl: 'redis://r', probeLocal: never, probeOwn: never, redisServerPath: null })).source, 'configured');
  assert.equal((await chooseRedis({ configuredUrl: undefined, probeLocal: yes, probeOwn: never, redisServerPath: null })).source, 'local');
  assert.equal((await chooseRedis({ configuredUrl: undefined, probeLocal: no, probeOwn: yes, redisServerPath: null })).source, 'own-running');
  assert.equal((await chooseRedis({ configuredUrl: undefined, probeLocal: no, probeOwn: no, redisServerPath: '/usr/bin/redis-server' })).source, 'own');
  assert.equal((await chooseRedis({ configuredUrl: undefined, probeLocal: no, probeOwn: no, redisServerPath: null })).source, 'missing');
});

test('probe ports default to 5432 and 6379 and can be pointed elsewhere', () => {
  assert.deepEqual(localPorts({}), { postgres: 5432, redis: 6379 });
  assert.deepEqual(localPorts({ STORYOS_PG_PROBE_PORT: '1', STORYOS_REDIS_PROBE_PORT: '2' }), { postgres: 1, redis: 2 });
});

test('a URL keeps credentials and query when its database changes', () => {
  assert.equal(withDatabase('postgres://u:p%40ss@h:5/app?sslmode=require', 'postgres'), 'postgres://u:p%40ss@h:5/postgres?sslmode=require');
  assert.equal(databaseOf('postgres://h/storyos'), 'storyos');
  assert.equal(databaseOf('postgres://h'), 'postgres');
});

test('executables are found on PATH, other files are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyos-path-'));
  writeFileSync(join(dir, 'redis-server'), '#!/bin/sh\n');
  chmodSync(join(dir, 'redis-server'), 0o755);
  writeFileSync(join(dir, 'not-executable'), '');
  assert.equal(findOnPath('redis-server', `/nonexistent:${dir}`), join(dir, 'redis-server'));
  assert.equal(findOnPath('not-executable', dir), null);
  assert.equal(findOnPath('redis-server', ''), null);
});
