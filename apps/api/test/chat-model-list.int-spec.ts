import type { AuthSession, ModelList } from '@storyos/contracts';
import { randomUUID } from 'node:crypto';
import { registerUser } from './support/accounts';
import { chatRequest, errorOf, postChat, textOf, waitUntilIdle } from './support/chat-helpers';
import { startFakeOpenAiServer, streamAnswer, type FakeOpenAiServer } from './support/fake-openai-server';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const MODEL = 'listless-model';

/**
 * A server without a model list (its /v1/models answers 404, as some
 * OpenAI-compatible servers do): the deployment offers the configured model
 * and the builtin engine, and remembers that the list failed instead of
 * asking for it again with every message.
 */
describe('chat with a provider that has no model list', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let user: AuthSession;

  const listAsked = (): number => fake.probes.filter((probe) => probe.path === '/v1/models').length;

  beforeAll(async () => {
    fake = await startFakeOpenAiServer({ models: null });
    fake.route(() => true, streamAnswer({ deltas: ['Once ', 'upon ', 'a time.'], finishReason: 'stop' }));
    api = await startTestApp({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: MODEL, LLM_CONTEXT_TOKENS: '8192', LLM_MODELS_ALLOWED: '*' });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    user = await registerUser(api.url, 'listless');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  it('offers the configured model and the builtin engine, and asks for the list once', async () => {
    for (let round = 0; round < 2; round += 1) {
      const models = await http.get<ModelList>('/api/models', { token: user.accessToken });
      expect(models.status).toBe(200);
      expect(models.body.items.map((item) => item.id)).toEqual([MODEL, 'builtin']);
    }
    const chatId = randomUUID();
    for (const text of ['Tell me a story', 'And then?']) {
      const reply = await postChat(api.url, user.accessToken, chatRequest(chatId, text, { model: MODEL }));
      expect(reply.status).toBe(200);
      expect(textOf(reply.chunks)).toBe('Once upon a time.');
      await waitUntilIdle(http, user.accessToken, chatId);
    }
    const refused = await postChat(api.url, user.accessToken, chatRequest(chatId, 'Try another', { model: 'unlisted-model' }));
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message).toMatch(/not offered here/);
    expect(listAsked()).toBe(1);
  });
});
