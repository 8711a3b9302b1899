import { followEntries, StreamAssembler, type AuthSession, type Generation, type GameSession, type StreamEntry } from '@storyos/contracts';
import { login, registerUser } from './support/accounts';
import { eventually } from './support/eventually';
import { errorAnswer, startFakeOpenAiServer, streamAnswer, type FakeOpenAiServer } from './support/fake-openai-server';
import { createPublicScenario, startSession, waitForGeneration } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { readSse } from './support/sse-client';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const ADMIN = { email: 'pipeline-admin@example.test', password: 'pipeline pass 1' };
const words = (count: number, prefix = 'word'): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i} `);

/** Collects every generation entry a socket receives, per generation. */
function collectEntries(socket: TestSocket): Map<string, StreamEntry[]> {
  const received = new Map<string, StreamEntry[]>();
  followEntries(socket, ({ generationId, entry }) => {
    received.set(generationId, [...(received.get(generationId) ?? []), entry]);
  });
  return received;
}

function assemble(entries: StreamEntry[]): ReturnType<StreamAssembler['state']> {
  const assembler = new StreamAssembler();
  entries.forEach((entry) => assembler.push(entry));
  return assembler.state();
}

describe('generation pipeline through a real worker process', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let secondApi: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let admin: AuthSession;
  let player: AuthSession;
  let scenarioId: string;
  const sockets: TestSocket[] = [];

  const openSocket = async (token = player.accessToken): Promise<TestSocket> => {
    const socket = await connectSocket(api.url, { token });
    sockets.push(socket);
    return socket;
  };
  const newGame = async (): Promise<{ id: string; generationId: string }> => startSession(http, player.accessToken, scenarioId);
  const generation = async (id: string): Promise<Generation> => (await http.get<Generation>(`/api/generations/${id}`, { token: player.accessToken })).body;
  const session = async (id: string): Promise<GameSession> => (await http.get<GameSession>(`/api/game/sessions/${id}`, { token: player.accessToken })).body;

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    // The world-state step after each reply gets an empty update (the previous state is kept).
    fake.route((request) => JSON.stringify(request.body['messages']).includes('Reply with one JSON object'), streamAnswer({ deltas: ['{}'], finishReason: 'stop' }));
    const env = {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'fake-model',
      LLM_MAX_RETRIES: '0',
      LLM_FIRST_TOKEN_TIMEOUT_MS: '5000',
      GENERATION_ATTEMPTS: '2',
      GENERATION_BACKOFF_MS: '50',
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      WORKER_CONCURRENCY: '2',
    };
    api = await startTestApp(env);
    secondApi = await startTestApp({ ...env, REDIS_PREFIX: api.env['REDIS_PREFIX']! });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    admin = await login(api.url, ADMIN.email, ADMIN.password);
    player = await registerUser(api.url, 'player');
    scenarioId = (await createPublicScenario(http, admin.accessToken, { name: 'Pipeline Harbour' })).id;
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await worker?.stop();
    await secondApi?.close();
    await api?.close();
    await fake?.close();
  });

  it('streams a reply to the owner’s socket in order and stores it once, with usage and finish reason', async () => {
    fake.enqueue(
      streamAnswer({ deltas: ['The tide ', 'turns ', 'at dusk.'], finishReason: 'stop', usage: { prompt_tokens: 42, completion_tokens: 3 }, deltaDelayMs: 60 })
    );
    const socket = await openSocket();
    const received = collectEntries(socket);
    const game = await newGame();

    const done = await waitForGeneration(http, player.accessToken, game.generationId);
    expect(done).toMatchObject({ status: 'completed', text: 'The tide turns at dusk.', finishReason: 'stop', usage: { promptTokens: 42, completionTokens: 3 }, provider: 'openai-compatible', model: 'fake-model' });

    const entries = await eventually(async () => {
      const list = received.get(game.generationId) ?? [];
      if (!list.some((entry) => entry.type === 'end')) throw new Error('no end entry yet');
      return list;
    });
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index + 1));
    const deltas = entries.filter((entry) => entry.type === 'delta');
    expect(deltas.length).toBeGreaterThan(1); // streamed, not sent whole at the end
    expect(assemble(entries).text).toBe('The tide turns at dusk.');
    expect(entries.at(-1)).toMatchObject({ type: 'end', status: 'completed' });

    const stored = await session(game.id);
    expect(stored.messages.filter((message) => message.generationId === game.generationId)).toEqual([
      expect.objectContaining({ role: 'narrator', content: 'The tide turns at dusk.', status: 'completed' }),
    ]);
  });

  it('replays exactly the missed entries to a socket that reconnects with afterSeq, then continues live', async () => {
    const deltas = words(30);
    fake.enqueue(streamAnswer({ deltas, finishReason: 'stop', deltaDelayMs: 60 }));
    const first = await openSocket();
    const firstEntries = collectEntries(first);
    const game = await newGame();

    const seen = await eventually(async () => {
      const list = firstEntries.get(game.generationId) ?? [];
      if (list.length < 3) throw new Error('waiting for a few entries');
      return list;
    });
    first.close();
    const applied = new StreamAssembler();
    seen.forEach((entry) => applied.push(entry));
    const afterSeq = applied.state().lastSeq;
    expect(applied.state().ended).toBeNull(); // really mid-stream

    const second = await openSocket();
    const live = collectEntries(second);
    const ack = await second.emitWithAck('generation:subscribe', { generationId: game.generationId, afterSeq });
    if (!ack.ok) throw new Error(ack.error.message);
    const ended = await eventually(async () => {
      const all = [...ack.entries, ...(live.get(game.generationId) ?? [])];
      if (!all.some((entry) => entry.type === 'end')) throw new Error('not ended yet');
      return all;
    }, { tries: 100 });

    expect(ack.entries.every((entry) => entry.seq > afterSeq)).toBe(true); // nothing already applied is replayed
    ended.forEach((entry) => applied.push(entry));
    const final = await generation(game.generationId);
    const endSeq = applied.state().ended?.seq ?? -1;
    const receivedSeqs = new Set([...seen, ...ended].map((entry) => entry.seq));
    expect([...receivedSeqs].sort((a, b) => a - b)).toEqual(Array.from({ length: endSeq }, (_, i) => i + 1)); // no gap
    expect(applied.state().text).toBe(final.text);
    expect(final.text).toBe(deltas.join(''));
  });

  it('resumes Server-Sent Events after Last-Event-ID with every later entry exactly once', async () => {
    const deltas = words(20, 'sse');
    fake.enqueue(streamAnswer({ deltas, finishReason: 'stop', deltaDelayMs: 50 }));
    const game = await newGame();
    const url = `${api.url}/api/generations/${game.generationId}/stream`;

    const head = await readSse(url, { token: player.accessToken, until: (event) => Number(event.id) >= 3 });
    expect(head.status).toBe(200);
    const lastId = Number(head.events.at(-1)?.id);
    const rest = await readSse(url, { token: player.accessToken, lastEventId: lastId, until: (event) => event.event === 'end' });

    const ids = [...head.events, ...rest.events].map((event) => Number(event.id));
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    const entries = [...head.events, ...rest.events].map((event) => JSON.parse(event.data) as StreamEntry);
    expect(assemble(entries).text).toBe(deltas.join(''));
    expect(rest.events.at(-1)?.event).toBe('end');
  });

  it('stops a generation from a second API process: the worker aborts and the partial text is kept', async () => {
    fake.enqueue(streamAnswer({ deltas: words(200, 'stop'), finishReason: 'stop', deltaDelayMs: 40 }));
    const game = await newGame();
    await eventually(async () => {
      const current = await generation(game.generationId);
      if (current.text.length < 20) throw new Error('waiting for some text');
    });

    const stop = await httpClient(secondApi.url).post<Generation>(`/api/generations/${game.generationId}/stop`, { token: player.accessToken });
    expect(stop.status).toBe(202);

    const stopped = await waitForGeneration(http, player.accessToken, game.generationId);
    expect(stopped.status).toBe('stopped');
    expect(stopped.text.length).toBeGreaterThan(0);
    expect(stopped.text.length).toBeLessThan(words(200, 'stop').join('').length);
    expect(words(200, 'stop').join('').startsWith(stopped.text)).toBe(true);
    await fake.requests.at(-1)?.closed; // the provider connection was closed, not left running
    const message = (await session(game.id)).messages.find((m) => m.generationId === game.generationId);
    expect(message).toMatchObject({ status: 'stopped', content: stopped.text });
  });

  it('stops a generation still waiting in the queue right away, and frees its game', async () => {
    await worker.stop(); // nothing consumes the queue now
    try {
      const game = await newGame();
      expect((await generation(game.generationId)).status).toBe('queued');
      const stop = await http.post<Generation>(`/api/generations/${game.generationId}/stop`, { token: player.accessToken });
      expect(stop.status).toBe(202);
      expect(stop.body).toMatchObject({ status: 'stopped', text: '' });
      const stored = await session(game.id);
      expect(stored.activeGenerationId).toBeNull();
      expect(stored.messages.find((m) => m.generationId === game.generationId)?.status).toBe('stopped');
    } finally {
      worker = await startWorker(api.env);
    }
  });

  it('runs a job again after its worker is killed with -9, and stores the complete reply once', async () => {
    const complete = words(12, 'again').join('');
    fake.enqueue(
      streamAnswer({ deltas: words(12, 'first'), hangAfter: 4, deltaDelayMs: 30 }),
      streamAnswer({ deltas: words(12, 'again'), finishReason: 'stop' })
    );
    const socket = await openSocket();
    const received = collectEntries(socket);
    const game = await newGame();
    await eventually(async () => {
      if ((await generation(game.generationId)).text.length === 0) throw new Error('not started');
    });

    worker.child.kill('SIGKILL');
    await worker.stop();
    worker = await startWorker(api.env);

    const done = await waitForGeneration(http, player.accessToken, game.generationId);
    expect(done.status).toBe('completed');
    expect(done.text).toBe(complete);
    const entries = await eventually(async () => {
      const list = received.get(game.generationId) ?? [];
      if (!list.some((entry) => entry.type === 'end')) throw new Error('no end yet');
      return list;
    });
    expect(entries.some((entry) => entry.type === 'reset')).toBe(true); // clients were told to drop the partial text
    expect(assemble(entries).text).toBe(complete);
    const messages = (await session(game.id)).messages.filter((m) => m.generationId === game.generationId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ content: complete, status: 'completed' });
  });

  it('retries after a dropped provider connection and tells clients to reset', async () => {
    fake.enqueue(
      streamAnswer({ deltas: words(6, 'lost'), dropAfter: 3 }),
      streamAnswer({ deltas: ['Second ', 'time ', 'lucky.'], finishReason: 'stop' })
    );
    const game = await newGame();
    const done = await waitForGeneration(http, player.accessToken, game.generationId);
    expect(done).toMatchObject({ status: 'completed', text: 'Second time lucky.', attempt: 2 });
    const sse = await readSse(`${api.url}/api/generations/${game.generationId}/stream`, { token: player.accessToken, until: (event) => event.event === 'end' });
    const types = sse.events.map((event) => event.event);
    expect(types).toContain('reset');
    expect(types.lastIndexOf('delta')).toBeGreaterThan(types.indexOf('reset'));
  });

  it('ends as failed with the provider’s reason, shown on the reply', async () => {
    fake.enqueue(errorAnswer(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
    const game = await newGame();
    const failed = await waitForGeneration(http, player.accessToken, game.generationId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('The provider rejected the API key (401).');
    const message = (await session(game.id)).messages.find((m) => m.generationId === game.generationId);
    expect(message?.status).toBe('failed');
  });

  it('refuses another user’s generation on HTTP, SSE, stop and socket alike, and bad ids', async () => {
    fake.enqueue(streamAnswer({ deltas: ['Mine.'], finishReason: 'stop' }));
    const game = await newGame();
    await waitForGeneration(http, player.accessToken, game.generationId);
    const stranger = await registerUser(api.url, 'stranger');
    const as = { token: stranger.accessToken };

    expect((await http.get(`/api/generations/${game.generationId}`, as)).body.code).toBe('NOT_FOUND');
    expect((await http.get(`/api/generations/${game.generationId}/stream`, as)).status).toBe(404);
    expect((await http.post(`/api/generations/${game.generationId}/stop`, as)).status).toBe(404);
    const socket = await openSocket(stranger.accessToken);
    const ack = await socket.emitWithAck('generation:subscribe', { generationId: game.generationId, afterSeq: 0 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await http.get(`/api/generations/${game.generationId}`)).status).toBe(401);

    const badId = await http.get('/api/generations/not-a-uuid', { token: player.accessToken });
    expect(badId.status).toBe(400);
    expect(badId.body.details[0].path).toBe('id');
    const badResume = await http.get(`/api/generations/${game.generationId}/stream`, { token: player.accessToken, headers: { 'last-event-id': 'abc' } });
    expect(badResume.status).toBe(400);
    const badSubscribe = await socket.emitWithAck('generation:subscribe', { generationId: 'nope', afterSeq: -1 } as never);
    expect(badSubscribe).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
