import type { AuthSession } from '@storyos/contracts';
import Redis from 'ioredis';
import { GenerationStreamStore } from '../src/modules/generation/stream/generation-stream.store';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { createPublicScenario, startSession } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { openSse, readSse, type OpenSse } from './support/sse-client';
import { startTestApp, type TestApp } from './support/test-app';

const ADMIN = { email: 'sse-admin@example.test', password: 'sse admin pass 1' };
const READERS = 200;

/**
 * Server-Sent Events stay bounded: a finished stream ends at once, readers
 * share one Redis connection per API process, and each user has a cap. No
 * worker runs here: generations stay queued (live) unless stopped, and the
 * tests append entries as a worker would.
 */
describe('SSE streams are bounded', () => {
  let api: TestApp;
  let http: HttpClient;
  let redis: Redis;
  let player: AuthSession;
  let scenarioId: string;
  const open: OpenSse[] = [];

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SSE_MAX_STREAMS_PER_USER: String(READERS + 10), QUOTA_USER_DAILY: 'unlimited' });
    http = httpClient(api.url);
    redis = new Redis(api.config.redis.url);
    const admin = await login(api.url, ADMIN.email, ADMIN.password);
    scenarioId = (await createPublicScenario(http, admin.accessToken)).id;
    player = await registerUser(api.url, 'sse-reader');
  });

  afterEach(async () => {
    open.splice(0).forEach((stream) => stream.close());
  });

  afterAll(async () => {
    await redis?.quit();
    await api?.close();
  });

  const streamUrl = (generationId: string) => `${api.url}/api/generations/${generationId}/stream`;
  /** A generation that ends at once: stopped while still queued, its stream holds just the end entry (seq 1). */
  const finishedGeneration = async (): Promise<string> => {
    const { generationId } = await startSession(http, player.accessToken, scenarioId);
    expect((await http.post(`/api/generations/${generationId}/stop`, { token: player.accessToken })).body.status).toBe('stopped');
    return generationId;
  };
  const appConnections = async (): Promise<string[]> => {
    const list = (await redis.client('LIST')) as string;
    return list
      .split('\n')
      .map((line) => /name=(\S*)/.exec(line)?.[1] ?? '')
      .filter((name) => name.startsWith(`${api.config.redis.prefix}:`));
  };

  it('ends a finished generation’s stream at once: 204 when nothing is after Last-Event-ID, else the missed entries', async () => {
    const generationId = await finishedGeneration();
    const caughtUp = await Promise.all(Array.from({ length: 50 }, () => openSse(streamUrl(generationId), { token: player.accessToken, lastEventId: '1' })));
    open.push(...caughtUp);
    await Promise.all(caughtUp.map((stream) => stream.ended));
    expect(caughtUp.map((stream) => stream.status)).toEqual(caughtUp.map(() => 204));

    const behind = await readSse(streamUrl(generationId), { token: player.accessToken, lastEventId: 0, until: (event) => event.event === 'end' });
    expect(behind.status).toBe(200);
    expect(behind.events.map((event) => [event.id, event.event])).toEqual([['1', 'end']]);
    // The SSE slots were all given back.
    expect(await redis.zcard(`${api.config.redis.prefix}:sse:user:${player.user.id}`)).toBe(0);
  });

  it(`serves ${READERS} readers of live streams over one shared Redis connection, each getting every entry once`, async () => {
    const generations = await Promise.all(Array.from({ length: 20 }, async () => (await startSession(http, player.accessToken, scenarioId)).generationId));
    const before = await appConnections();
    const readers = await Promise.all(Array.from({ length: READERS }, (_, index) => openSse(streamUrl(generations[index % generations.length]!), { token: player.accessToken })));
    open.push(...readers);
    expect(readers.every((reader) => reader.status === 200)).toBe(true);

    const store = api.app.get(GenerationStreamStore);
    for (const generationId of generations) {
      await store.append(generationId, { type: 'delta', seq: 1, text: 'Once ' });
      await store.append(generationId, { type: 'delta', seq: 2, text: 'upon a time.' });
    }
    await eventually(async () => expect(readers.every((reader) => reader.events.length === 2)).toBe(true), { tries: 100, intervalMs: 100 });
    for (const reader of readers) expect(reader.events.map((event) => event.id)).toEqual(['1', '2']);

    const during = await appConnections();
    // At most the one shared reader is new, whatever the number of readers.
    expect(during.length - before.length).toBeLessThanOrEqual(1);
    expect(during.filter((name) => name.endsWith(':sse-reader'))).toHaveLength(1);
  });

  it('caps the streams one user follows at once with 429, and frees a slot when a stream closes', async () => {
    const capped = await startTestApp({ SSE_MAX_STREAMS_PER_USER: '3', QUOTA_USER_DAILY: 'unlimited', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    try {
      const cappedHttp = httpClient(capped.url);
      const admin = await login(capped.url, ADMIN.email, ADMIN.password);
      const scenario = await createPublicScenario(cappedHttp, admin.accessToken);
      const user = await registerUser(capped.url, 'sse-capped');
      const other = await registerUser(capped.url, 'sse-other');
      const { generationId } = await startSession(cappedHttp, user.accessToken, scenario.id);
      const url = `${capped.url}/api/generations/${generationId}/stream`;
      const three = await Promise.all([1, 2, 3].map(() => openSse(url, { token: user.accessToken })));
      open.push(...three);
      expect(three.map((stream) => stream.status)).toEqual([200, 200, 200]);

      const fourth = await fetch(url, { headers: { authorization: `Bearer ${user.accessToken}` } });
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await fourth.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/3 streams/) });
      // Another user is not affected (and cannot read this stream anyway).
      expectError(await cappedHttp.get(`/api/generations/${generationId}/stream`, { token: other.accessToken }), 404, 'NOT_FOUND');

      three[0]!.close();
      await eventually(async () => {
        const again = await openSse(url, { token: user.accessToken });
        open.push(again);
        expect(again.status).toBe(200);
      });
    } finally {
      open.splice(0).forEach((stream) => stream.close());
      await capped.close();
    }
  });

  it.each(['abc', '1e3', '-1', '1 2', '0x10', '1.5', '99999999999999999999'])('refuses Last-Event-ID %j with a field message', async (value) => {
    const generationId = await finishedGeneration();
    const response = await fetch(streamUrl(generationId), { headers: { authorization: `Bearer ${player.accessToken}`, 'last-event-id': value } });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'Last-Event-ID' })] });
    const query = await http.get(`/api/generations/${generationId}/stream?lastEventId=${encodeURIComponent(value)}`, { token: player.accessToken });
    expectError(query, 400, 'VALIDATION_FAILED');
  });
});
