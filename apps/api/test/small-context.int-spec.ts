import type { AuthSession, Scenario, StoryJob } from '@storyos/contracts';
import { DEFAULT_SYSTEM_PROMPTS } from '@storyos/domain';
import { DataSource } from 'typeorm';
import { login, registerUser } from './support/accounts';
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from './support/fake-openai-server';
import { askKind, promptOf, routeStoryModel, type StoryModelCalls } from './support/fake-story-model';
import { activatePrompt, createPublicScenario, playTurn, startSession, waitForGeneration, waitUntilIdle } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { createStory, runPhase, waitForJob } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const N_CTX = 2048;
const ADMIN = { email: 'small-context-admin@example.test', password: 'operator pass 1' };

/** Every request the server received fitted its context with room for the reply it allowed, and said how long that reply may be. */
function expectAllWithinContext(requests: readonly RecordedRequest[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    expect(request.refused).toBeFalsy();
    expect(request.body['max_tokens']).toEqual(expect.any(Number));
    expect(request.promptTokens! + (request.body['max_tokens'] as number)).toBeLessThanOrEqual(N_CTX);
  }
}

/**
 * The proof for small local models: a llama-server with a 2,048-token
 * context (learned from its /props), counting with a real tokenizer, cutting
 * replies at max_tokens and sometimes answering prose to a JSON request.
 * A long game, the whole Writer flow and "write the whole story" finish with
 * no failed generation, and no request ever exceeded the context.
 */
describe('a 2,048-token model (llama.cpp) runs every flow', () => {
  let fake: FakeOpenAiServer;
  let model: StoryModelCalls;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let player: AuthSession;
  let scenario: Scenario;

  const failedGenerations = async (targetId: string): Promise<{ kind: string; error: string }[]> =>
    api.app.get(DataSource).query(`SELECT kind, error FROM generations WHERE target_id = $1 AND status <> 'completed'`, [targetId]);

  beforeAll(async () => {
    fake = await startFakeOpenAiServer({ llamaCpp: { nCtx: N_CTX } });
    model = routeStoryModel(fake, { proseToJsonEvery: 4, proseOutlineFirst: true });
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_MAX_RETRIES: '0', GENERATION_ATTEMPTS: '1' });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    const admin = await login(api.url, ADMIN.email, ADMIN.password);
    // The default prompts, whatever another suite left active in the shared database.
    for (const kind of ['narrator', 'world-state'] as const) await activatePrompt(http, admin.accessToken, kind, DEFAULT_SYSTEM_PROMPTS[kind]);
    scenario = await createPublicScenario(http, admin.accessToken, { name: 'The Clockwork Orchard', playerName: 'Nell' });
    player = await registerUser(api.url, 'small-context');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  it('learns the context from the server itself (GET /props)', async () => {
    const session = await startSession(http, player.accessToken, scenario.id);
    await waitUntilIdle(http, player.accessToken, session.id);
    expect(fake.probes.some((probe) => probe.method === 'GET' && probe.path === '/props')).toBe(true);
  });

  it('plays 30 turns: every reply and world update completes, old turns give way, and no request exceeds the context', async () => {
    const before = fake.requests.length;
    const opening = model.counts.narrator + 1;
    const { id } = await startSession(http, player.accessToken, scenario.id);
    await waitUntilIdle(http, player.accessToken, id);
    for (let turn = 1; turn <= 30; turn += 1) {
      const { generationId, session } = await playTurn(http, player.accessToken, id, `I search row ${turn} of the orchard for the key.`);
      expect((await waitForGeneration(http, player.accessToken, generationId)).status).toBe('completed');
      expect(session.turnCount).toBe(turn);
    }
    const session = await waitUntilIdle(http, player.accessToken, id);

    expect(await failedGenerations(id)).toEqual([]);
    const asked = fake.requests.slice(before);
    expectAllWithinContext(asked);
    // Prose came back to JSON requests, and the second chance put it right every time.
    expect(asked.filter((request) => askKind(request) === 'repair').length).toBeGreaterThanOrEqual(7);
    expect(asked.find((request) => askKind(request) === 'world-state')?.body['response_format']).toMatchObject({ type: 'json_schema', json_schema: { name: 'world_state_update' } });
    // The world kept every turn: the opening's event and one per turn.
    expect(session.state.timeline.map((event) => event.turn)).toEqual(Array.from({ length: 31 }, (_, turn) => turn));
    expect(session.state.turnCount).toBe(30);

    const last = asked.filter((request) => askKind(request) === 'narrator').at(-1)!;
    const prompt = promptOf(last);
    expect(prompt).toContain('You are the narrator of an interactive story game');
    expect(prompt).toContain('Scenario: The Clockwork Orchard');
    expect(prompt).toContain('I search row 30 of the orchard for the key.');
    expect(prompt).toContain('- Turn 29: Nell followed a new clue');
    // The opening and the early turns are summarised by the world state, no longer sent whole.
    expect(prompt).not.toContain('I search row 1 of the orchard');
    expect(prompt).not.toContain(`as reply ${opening} began`);
  }, 240_000);

  it('stores our count of each prompt beside the server’s; for an unknown model the estimate is never lower by more than the safety margin', async () => {
    const rows: { estimated: number; actual: number }[] = await api.app
      .get(DataSource)
      .query(`SELECT estimated_prompt_tokens AS estimated, prompt_tokens AS actual FROM generations WHERE owner_id = $1 AND status = 'completed'`, [player.user.id]);
    expect(rows.length).toBeGreaterThan(60);
    for (const row of rows) {
      expect(row.actual).toEqual(expect.any(Number));
      // The margin kept free is 5% of the context plus 16 tokens; calibrated from the server's counts, the estimate stays within it.
      expect(row.estimated).toBeGreaterThanOrEqual(row.actual - (Math.ceil(N_CTX * 0.05) + 16));
    }
  });

  it('runs the whole Writer flow: premise, outline (read on its second chance), start and every chapter', async () => {
    const before = fake.requests.length;
    const story = await createStory(http, player.accessToken, 'The Winding Key');
    const phases: ('premise' | 'outline' | 'start' | 'continue')[] = ['premise', 'outline', 'start', 'continue', 'continue', 'continue', 'continue', 'continue'];
    let current = story;
    for (const phase of phases) {
      const { generation, story: after } = await runPhase(http, player.accessToken, story.id, phase);
      expect(generation?.status).toBe('completed');
      current = after;
    }
    expect(current.outline?.outline?.chapters).toHaveLength(5);
    // Five chapters and the epilogue, each under its heading.
    expect(current.story?.text?.match(/^## /gm)).toHaveLength(6);
    expect(await failedGenerations(story.id)).toEqual([]);
    expectAllWithinContext(fake.requests.slice(before));
  }, 120_000);

  it('writes the whole story as one job with no failed step, every request within the context', async () => {
    const before = fake.requests.length;
    const story = await createStory(http, player.accessToken, 'The Whole Key');
    const job = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: player.accessToken });
    expect(job.status).toBe(202);
    const done = await waitForJob(http, player.accessToken, story.id, job.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, error: null });
    expectAllWithinContext(fake.requests.slice(before));
    expect(model.counts.chapter).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('refuses, before asking the model, a scenario too long for the context, naming the setting to change', async () => {
    const admin = await login(api.url, ADMIN.email, ADMIN.password);
    const huge = await createPublicScenario(http, admin.accessToken, { name: 'The Endless Orchard', setting: 'Brass trees and ticking apples. '.repeat(120).slice(0, 4000), narratorBehavior: 'Describe every gear. '.repeat(190).slice(0, 4000) });
    const before = fake.requests.length;
    const { generationId, id } = await startSession(http, player.accessToken, huge.id);
    const opening = await waitForGeneration(http, player.accessToken, generationId);
    expect(opening).toMatchObject({ status: 'failed', limitHit: 'context', error: expect.stringContaining('LLM_CONTEXT_TOKENS') });
    expect(fake.requests.length).toBe(before);
    await waitUntilIdle(http, player.accessToken, id);
  });
});
