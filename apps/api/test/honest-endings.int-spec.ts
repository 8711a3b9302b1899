import type { AuthSession, GameSession, Generation, ModelList, Scenario } from '@storyos/contracts';
import { DEFAULT_SYSTEM_PROMPTS } from '@storyos/domain';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { discoverContext, OLLAMA_DEFAULT_NUM_CTX } from '../src/modules/generation/budget/context-discovery';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './support/fake-openai-server';
import { narration, routeStoryModel } from './support/fake-story-model';
import { activatePrompt, createPublicScenario, getSession, playTurn, startSession, waitForGeneration, waitUntilIdle } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { readSse } from './support/sse-client';
import { createStory, runPhase, startPhase } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const ADMIN = { email: 'endings-admin@example.test', password: 'operator pass 1' };

interface Deployment {
  fake: FakeOpenAiServer;
  api: TestApp;
  worker: WorkerProcess;
  http: HttpClient;
  admin: AuthSession;
  scenario: Scenario;
}

async function deploy(fake: FakeOpenAiServer, env: Record<string, string> = {}): Promise<Deployment> {
  const api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_MAX_RETRIES: '0', GENERATION_ATTEMPTS: '1', ...env });
  const worker = await startWorker(api.env);
  const http = httpClient(api.url);
  const admin = await login(api.url, ADMIN.email, ADMIN.password);
  // The fake answers by the default prompts' wording; other suites of the run may have left others active.
  for (const kind of ['narrator', 'world-state'] as const) await activatePrompt(http, admin.accessToken, kind, DEFAULT_SYSTEM_PROMPTS[kind]);
  const scenario = await createPublicScenario(http, admin.accessToken, { name: 'The Clockwork Orchard', playerName: 'Nell' });
  return { fake, api, worker, http, admin, scenario };
}

async function undeploy(deployment: Deployment | undefined): Promise<void> {
  await deployment?.worker.stop();
  await deployment?.api.close();
  await deployment?.fake.close();
}

/** A reply far longer than any narrator cap: the server cuts it off. */
const LONG_REPLY = narration('the long night', 80);

describe('honest endings: cut-off replies and passages can be continued; a game needs its opening', () => {
  let d: Deployment;
  let player: AuthSession;

  beforeAll(async () => {
    const fake = await startFakeOpenAiServer({ llamaCpp: { nCtx: 4096 }, models: [{ id: 'fake-model' }, { id: 'other-model', context_length: 8192 }, { id: 'hidden-model' }] });
    // Narrator requests: 1 the opening that fails, 2 its regeneration, 3 the long reply, then short ones.
    routeStoryModel(fake, { refuseNarrator: (n) => n === 1, narrator: (n) => (n === 3 ? LONG_REPLY : narration(`reply ${n}`, 3)), chapter: (n) => (n === 1 ? narration('the long chapter', 120) : narration(`chapter ${n}`, 4)) });
    d = await deploy(fake, { LLM_MODELS_ALLOWED: 'fake-model,other-model' });
    player = await registerUser(d.api.url, 'endings');
  });

  afterAll(() => undeploy(d));

  let gameId: string;

  it('refuses turns (409) while the opening has failed, until it is regenerated', async () => {
    const { id, generationId } = await startSession(d.http, player.accessToken, d.scenario.id);
    gameId = id;
    expect(await waitForGeneration(d.http, player.accessToken, generationId)).toMatchObject({ status: 'failed', error: 'The model is still loading.' });
    await waitUntilIdle(d.http, player.accessToken, id);

    const refused = await d.http.post(`/api/game/sessions/${id}/turns`, { token: player.accessToken, body: { content: 'I look around.' } });
    expectError(refused, 409, 'CONFLICT');
    expect(refused.body.message).toBe('The story has no opening yet: regenerate the opening before you play.');
    expect((await d.http.get('/api/auth/quota', { token: player.accessToken })).body.used).toBe(1); // the opening; the refused turn gave its count back
    expect((await getSession(d.http, player.accessToken, id)).body).toMatchObject({ turnCount: 0, messages: [expect.objectContaining({ turn: 0, status: 'failed' })] });

    const again = await d.http.post(`/api/game/sessions/${id}/regenerate`, { token: player.accessToken });
    expect((await waitForGeneration(d.http, player.accessToken, again.body.generationId)).status).toBe('completed');
    await waitUntilIdle(d.http, player.accessToken, id);
  });

  it('stores a reply cut by the output cap as cut (finishReason length), and "continue" makes the narrator go on, joined to it', async () => {
    const { generationId, session } = await playTurn(d.http, player.accessToken, gameId, 'I wait for the night to pass.');
    const cut = await waitForGeneration(d.http, player.accessToken, generationId);
    expect(cut).toMatchObject({ status: 'completed', finishReason: 'length', limitHit: 'output' });
    const reply = session.messages.find((message) => message.turn === 1 && message.role === 'narrator')!;
    expect(reply).toMatchObject({ finishReason: 'length', status: 'completed' });
    expect(LONG_REPLY.startsWith(reply.content)).toBe(true);
    expect(d.fake.requests.at(-2)?.body['max_tokens']).toBe(512);

    const continued = await d.http.post<{ generationId: string }>(`/api/game/sessions/${gameId}/continue`, { token: player.accessToken });
    expect(continued.status).toBe(202);
    expect((await waitForGeneration(d.http, player.accessToken, continued.body.generationId)).status).toBe('completed');
    const after: GameSession = await waitUntilIdle(d.http, player.accessToken, gameId);
    const whole = after.messages.find((message) => message.turn === 1 && message.role === 'narrator')!;
    expect(whole).toMatchObject({ finishReason: 'stop', status: 'completed', generationId: continued.body.generationId, content: `${reply.content.trimEnd()} and the bell fell silent. What do you do?` });
    // The turn's world was worked out again from the whole reply, from where it stood before the turn: one event for it, not two.
    expect(after.state.timeline.filter((event) => event.turn === 1)).toHaveLength(1);
    expect(after.turnCount).toBe(1);
  });

  it('goes on with a new passage after a reply that was not cut off, and refuses other users', async () => {
    const stranger = await registerUser(d.api.url, 'stranger');
    expectError(await d.http.post(`/api/game/sessions/${gameId}/continue`, { token: stranger.accessToken }), 404, 'NOT_FOUND');
    const more = await d.http.post(`/api/game/sessions/${gameId}/continue`, { token: player.accessToken });
    expect(more.status).toBe(202);
    await waitUntilIdle(d.http, player.accessToken, gameId);
  });

  it('marks a passage the cap cut off, and "continue this passage" writes on from where it stops', async () => {
    const story = await createStory(d.http, player.accessToken, 'The Long Chapter');
    for (const phase of ['premise', 'outline'] as const) await runPhase(d.http, player.accessToken, story.id, phase);
    const { generation, story: started } = await runPhase(d.http, player.accessToken, story.id, 'start');
    expect(generation).toMatchObject({ finishReason: 'length', limitHit: 'output' });
    expect(started.story).toMatchObject({ cutOff: true });

    const { generation: more, story: extended } = await runPhase(d.http, player.accessToken, story.id, 'extend');
    expect(more).toMatchObject({ status: 'completed', finishReason: 'stop' });
    expect(extended.story).toMatchObject({ cutOff: false, text: `${started.story!.text!.trimEnd()} and then, at last, the great clock struck and the passage came to its pause.` });
    expect(extended.story!.version).toBe(started.story!.version + 1);
  });

  it('refuses "continue this passage" before the story has started', async () => {
    const story = await createStory(d.http, player.accessToken, 'Not Yet');
    expectError(await startPhase(d.http, player.accessToken, story.id, 'extend'), 409, 'CONFLICT');
  });

  it('lists the models on offer: the configured one first with its context, the allowed others, and the builtin engine', async () => {
    const models = await d.http.get<ModelList>('/api/models', { token: player.accessToken });
    expect(models.status).toBe(200);
    expect(models.body.items).toEqual([
      { id: 'fake-model', provider: 'openai-compatible', contextTokens: 4096, isDefault: true },
      { id: 'other-model', provider: 'openai-compatible', contextTokens: 8192, isDefault: false },
      { id: 'builtin', provider: 'builtin', contextTokens: null, isDefault: false },
    ]);
    expectError(await d.http.get('/api/models'), 401, 'UNAUTHENTICATED');
    const openapi = await d.http.get<{ paths: Record<string, unknown> }>('/api/docs/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/models', '/api/game/sessions/{id}/continue', '/api/stories/{id}/extend']));
  });
});

describe('a prompt the server refuses as too long is sent once more, fitted to what the server said', () => {
  let d: Deployment;
  // Reports no usage to learn from; its tokenizer turns out far denser than the estimate halfway through.
  const behaviour = { nCtx: 2048, tokenScale: 1, reportUsage: false };

  beforeAll(async () => {
    const fake = await startFakeOpenAiServer({ llamaCpp: behaviour });
    // Replies long enough that the transcript fills the prompt to its budget.
    routeStoryModel(fake, { narrator: (n) => narration(`reply ${n}`, 14) });
    d = await deploy(fake);
  });

  afterAll(() => undeploy(d));

  it('recovers every refusal, stores that the context was hit, and learns to count like the server', async () => {
    const player = await registerUser(d.api.url, 'dense');
    const { id } = await startSession(d.http, player.accessToken, d.scenario.id);
    await waitUntilIdle(d.http, player.accessToken, id);
    for (let turn = 1; turn <= 6; turn += 1) await playTurn(d.http, player.accessToken, id, `I search row ${turn}.`);
    expect(d.fake.requests.some((request) => request.refused)).toBe(false);

    behaviour.tokenScale = 2;
    for (let turn = 7; turn <= 10; turn += 1) await playTurn(d.http, player.accessToken, id, `I search row ${turn}.`);

    const refusals = d.fake.requests.filter((request) => request.refused);
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    // Each refusal was followed by a request that fitted.
    for (const refused of refusals) {
      const next = d.fake.requests[d.fake.requests.indexOf(refused) + 1];
      expect(next?.refused).toBeFalsy();
    }
    const rows: { kind: string; status: string; limit_hit: string | null; error: string | null }[] = await d.api.app.get(DataSource).query(`SELECT kind, status, limit_hit, error FROM generations WHERE target_id = $1`, [id]);
    expect(rows.filter((row) => row.status !== 'completed')).toEqual([]);
    expect(rows.filter((row) => row.limit_hit === 'context').length).toBeGreaterThanOrEqual(refusals.length);
    // Once corrected, the count stays right: the last turns were not refused.
    expect(d.fake.requests.slice(-4).some((request) => request.refused)).toBe(false);
  }, 120_000);
});

describe('a provider that cannot be reached', () => {
  let api: TestApp;
  let worker: WorkerProcess;

  beforeAll(async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, LLM_MODEL: 'fake-model', LLM_MAX_RETRIES: '2', GENERATION_ATTEMPTS: '3', LLM_CONTEXT_TOKENS: '4096' });
    worker = await startWorker(api.env);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('says on the stream that it is retrying, attempt by attempt, then fails once with the reason, keeping when it started', async () => {
    const http = httpClient(api.url);
    const admin = await login(api.url, ADMIN.email, ADMIN.password);
    const scenario = await createPublicScenario(http, admin.accessToken);
    const { generationId } = await startSession(http, admin.accessToken, scenario.id);
    const { events } = await readSse(`${api.url}/api/generations/${generationId}/stream`, { token: admin.accessToken, until: (event) => event.event === 'end' });

    const notices = events.filter((event) => event.event === 'notice').map((event) => (JSON.parse(event.data) as { message: string }).message);
    expect(notices).toEqual([
      'The provider could not be reached (ECONNREFUSED). Retrying the provider (attempt 2 of 3)…',
      'The provider could not be reached (ECONNREFUSED). Retrying the provider (attempt 3 of 3)…',
    ]);
    expect(events.some((event) => event.event === 'reset')).toBe(false);
    const failed = await http.get<Generation>(`/api/generations/${generationId}`, { token: admin.accessToken });
    expect(failed.body).toMatchObject({ status: 'failed', attempt: 1, error: 'The provider could not be reached (ECONNREFUSED); tried 3 times.' });
    expect(Date.parse(failed.body.startedAt!)).toBeLessThanOrEqual(Date.parse(failed.body.completedAt!));
  });
});

describe('learning the context from the server', () => {
  it.each([
    ['llama.cpp /props', { llamaCpp: { nCtx: 3072 } }, { tokens: 3072, source: 'llama.cpp GET /props' }],
    ['Ollama with num_ctx set', { ollama: { numCtx: 8192, trainedContext: 131072 } }, { tokens: 8192, source: 'Ollama POST /api/show' }],
    ['Ollama at its default', { ollama: { trainedContext: 131072 } }, { tokens: OLLAMA_DEFAULT_NUM_CTX, source: 'Ollama POST /api/show' }],
    ['a vLLM /models entry', { models: [{ id: 'fake-model', max_model_len: 16384 }] }, { tokens: 16384, source: 'GET /models' }],
    ['a server that does not say', {}, null],
  ])('%s', async (_name, options, found) => {
    const fake = await startFakeOpenAiServer(options);
    try {
      expect(await discoverContext({ baseUrl: fake.baseUrl, model: 'fake-model', timeoutMs: 2_000 })).toEqual({ found, reachable: true });
    } finally {
      await fake.close();
    }
  });
});
