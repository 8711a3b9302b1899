import type { AuthSession, ConversationMessageAccepted, ConversationRequirementsState, Generation, StoryConversation, StoryRequirements } from '@storyos/contracts';
import { registerUser } from './support/accounts';
import { eventually } from './support/eventually';
import { startFakeOpenAiServer, streamAnswer, type FakeAnswer, type FakeOpenAiServer, type RecordedRequest } from './support/fake-openai-server';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const SEED_REQUEST = 'a bedtime story for my 5-year-old about a shy dragon who learns to swim, three scenes';
const promptOf = (request: RecordedRequest): string => (request.body['messages'] as { content: string }[]).map((message) => message.content).join('\n');
const isExtraction = (request: RecordedRequest): boolean => promptOf(request).includes('You keep the requirements');
const said = (text: string): FakeAnswer => streamAnswer({ deltas: text.split(/(?<= )/), finishReason: 'stop' });

/**
 * With a real model, the requirements are read by a JSON step after the
 * reply (as the game's world-state step), validated against the contract:
 * malformed JSON is written once more, and if it stays malformed the
 * rule-based requirements stand.
 */
describe('the Create agent with a real model: requirements as a JSON step', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let user: AuthSession;
  let socket: TestSocket;
  let extractionAnswers: FakeAnswer[] = [];
  const started: { generationId: string; kind: string }[] = [];
  const pushes: ConversationRequirementsState[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    fake.route(isExtraction, (response, request) => (extractionAnswers.shift() ?? said('{}'))(response, request));
    fake.route((request) => promptOf(request).includes('You are StoryMimi'), said('What a lovely idea! Where does the story take place?'));
    api = await startTestApp({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_MAX_RETRIES: '0', GENERATION_BACKOFF_MS: '100' });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    user = await registerUser(api.url, 'agent-model');
    socket = await connectSocket(api.url, { token: user.accessToken });
    socket.on('generation:started', (event) => started.push(event));
    socket.on('conversation:requirements', (state) => pushes.push(state));
  });

  afterAll(async () => {
    socket?.close();
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  /** A turn, until its requirements step has ended. */
  const turn = async (): Promise<{ conversation: StoryConversation; step: Generation }> => {
    const conversation = (await http.post<StoryConversation>('/api/conversations', { token: user.accessToken })).body;
    const accepted = await http.post<ConversationMessageAccepted>(`/api/conversations/${conversation.id}/messages`, { token: user.accessToken, body: { text: SEED_REQUEST } });
    expect(accepted.status).toBe(202);
    const step = await eventually(
      async () => {
        const stepId = started.find((event) => event.kind === 'create.requirements' && pushes.some((push) => push.conversationId === conversation.id))?.generationId;
        expect(stepId).toBeDefined();
        const generation = (await http.get<Generation>(`/api/generations/${stepId}`, { token: user.accessToken })).body;
        expect(['completed', 'failed']).toContain(generation.status);
        return generation;
      },
      { tries: 300, intervalMs: 100 },
    );
    started.splice(0);
    // The step's end is pushed too.
    await eventually(async () => expect(pushes.filter((push) => push.conversationId === conversation.id).length).toBeGreaterThanOrEqual(2));
    return { conversation: (await http.get<StoryConversation>(`/api/conversations/${conversation.id}`, { token: user.accessToken })).body, step };
  };

  it('reads the model’s JSON after a malformed first reply, validated against the contract', async () => {
    const read: Partial<StoryRequirements> = { title: 'Pip and the Sunny Lake', ageBand: '4-6', setting: 'a sunny lake', style: 'animals', sceneCount: 3 };
    extractionAnswers = [said('Sure! Here are the requirements: {"title": "Pip and the Sunny Lake", "ageBand": '), said(`\`\`\`json\n${JSON.stringify(read)}\n\`\`\``)];
    const { conversation, step } = await turn();
    expect(step.status).toBe('completed');
    // The rules' reading (version 2), then the model's (version 3): its fields, the rest kept.
    expect(conversation.version).toBe(3);
    expect(conversation.requirements).toMatchObject({ ...read, tone: 'gentle' });
    expect(conversation.requirements.characters).toEqual([expect.objectContaining({ description: expect.stringMatching(/shy dragon/) })]);
    expect(conversation.title).toBe('Pip and the Sunny Lake');
    // The push follows the step's commit, so it may still be on its way.
    await eventually(async () => expect(pushes.filter((push) => push.conversationId === conversation.id).at(-1)).toMatchObject({ version: 3, requirements: { setting: 'a sunny lake' } }));
    // Asked as JSON the provider can enforce, shown the problem on the second try.
    const asked = fake.requests.filter(isExtraction).slice(-2);
    expect(asked[0]!.body['response_format']).toMatchObject({ type: 'json_schema' });
    expect(promptOf(asked[1]!)).toContain('not a JSON object');
  });

  it('keeps the rule-based requirements when the model’s JSON stays malformed, and the conversation goes on', async () => {
    extractionAnswers = [said('{"ageBand": "five", "sceneCount": 50}'), said('I think it is for a child.')];
    const { conversation, step } = await turn();
    expect(step.status).toBe('failed');
    expect(conversation.version).toBe(2);
    expect(conversation.requirements).toMatchObject({ ageBand: '4-6', sceneCount: 3, setting: null, title: null });
    expect(conversation.ready).toBe(true);
    const next = await http.post(`/api/conversations/${conversation.id}/messages`, { token: user.accessToken, body: { text: 'It happens at the seaside' } });
    expect(next.status).toBe(202);
  });
});
