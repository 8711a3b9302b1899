import type { AuthSession, ChatDetail, DocumentVersion } from '@storyos/contracts';
import { readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { registerUser } from './support/accounts';
import { chatRequest, postChat, textOf, typesOf, waitUntilIdle } from './support/chat-helpers';
import { startFakeOpenAiServer, streamAnswer, type FakeOpenAiServer, type RecordedRequest } from './support/fake-openai-server';
import { httpClient, type HttpClient } from './support/http';
import { makePicture, uploadOk } from './support/media-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const MODEL = 'tool-model';
const VISION_MODEL = 'vision-model';
/** A model whose server answers `tools` with Ollama's refusal. */
const NO_TOOLS_MODEL = 'no-tools-model';

type SentMessage = { role: string; content: string | { type: string; text?: string; image_url?: { url: string } }[] };
const messagesOf = (request: RecordedRequest): SentMessage[] => request.body['messages'] as SentMessage[];
const systemOf = (request: RecordedRequest): string => String(messagesOf(request)[0]?.content ?? '');
const isTitle = (request: RecordedRequest): boolean => systemOf(request).startsWith('You write short titles');
const words = (text: string): string[] => text.split(/(?<= )/);

/** Native tool calls, the chosen model and pictures, through a real worker against an OpenAI-compatible fake. */
describe('chat tools, models and pictures with a chat model', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let user: AuthSession;

  /** The chat requests the fake received since `from`, titles left out. */
  const sentSince = (from: number): RecordedRequest[] => fake.requests.slice(from).filter((request) => !isTitle(request));

  const rebuild = async (chunks: UIMessageChunk[]): Promise<UIMessage | undefined> => {
    const stream = new ReadableStream<UIMessageChunk>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream })) last = message;
    return last;
  };

  const detail = async (id: string): Promise<ChatDetail> => (await http.get<ChatDetail>(`/api/chat/${id}`, { token: user.accessToken })).body;

  beforeAll(async () => {
    fake = await startFakeOpenAiServer({
      models: [MODEL, VISION_MODEL, NO_TOOLS_MODEL].map((id) => ({ id, object: 'model', owned_by: 'fake' })),
      refuseTools: { models: [NO_TOOLS_MODEL], status: 400, body: { error: { message: `registry.ollama.ai/library/${NO_TOOLS_MODEL} does not support tools`, type: 'api_error' } } },
    });
    fake.route(isTitle, streamAnswer({ deltas: ['The Keeper'], finishReason: 'stop' }));
    api = await startTestApp({
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: MODEL,
      LLM_MODELS_ALLOWED: '*',
      LLM_VISION_MODELS: VISION_MODEL,
      LLM_MAX_RETRIES: '0',
      GENERATION_ATTEMPTS: '1',
      LLM_CONTEXT_TOKENS: '8192',
    });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    user = await registerUser(api.url, 'chat-tools');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  it('runs the tool a model calls (llama.cpp streams its arguments in pieces): tool parts, the document streamed into the artifact, then a confirmation', async () => {
    const id = randomUUID();
    const from = fake.requests.length;
    fake.enqueue(
      streamAnswer({ deltas: ['Gladly. '], toolCalls: [{ id: 'call_keeper', name: 'createDocument', arguments: '{"title":"The Keeper of the Light","kind":"text"}' }], argumentPiece: 3, finishReason: 'tool_calls' }),
      streamAnswer({ deltas: words('The lamp turned all night. '), finishReason: 'stop' }),
    );
    const stream = await postChat(api.url, user.accessToken, chatRequest(id, 'I would like something about a lighthouse keeper, please', { model: MODEL }));
    expect(stream.status).toBe(200);
    expect(typesOf(stream.chunks)).toEqual(
      expect.arrayContaining(['tool-input-start', 'tool-input-available', 'data-kind', 'data-id', 'data-title', 'data-clear', 'data-textDelta', 'data-finish', 'tool-output-available']),
    );
    const deltas = stream.chunks.flatMap((chunk) => (chunk.type === 'data-textDelta' ? [String(chunk.data)] : []));
    expect(deltas.join('')).toBe('The lamp turned all night. ');

    const message = await rebuild(stream.chunks);
    const tool = message!.parts.find((part) => part.type === 'tool-createDocument') as { toolCallId: string; state: string; input: unknown; output: { id: string } };
    expect(tool).toMatchObject({ toolCallId: 'call_keeper', state: 'output-available', input: { title: 'The Keeper of the Light', kind: 'text' } });
    expect(message!.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []))).toEqual(['Gladly. ', expect.stringContaining('I wrote “The Keeper of the Light”.')]);
    const versions = await http.get<DocumentVersion[]>(`/api/document?id=${tool.output.id}`, { token: user.accessToken });
    expect(versions.body.map((version) => version.content)).toEqual(['The lamp turned all night.']);

    // The reply was offered the tools; the document step writes without them, asked with the same model.
    const [reply, document] = sentSince(from);
    expect((reply!.body['tools'] as { function: { name: string } }[]).map((offered) => offered.function.name)).toEqual(['createDocument', 'updateDocument', 'requestSuggestions']);
    expect(reply!.body).toMatchObject({ model: MODEL, tool_choice: 'auto' });
    expect(document!.body['tools']).toBeUndefined();
    expect(document!.body['model']).toBe(MODEL);
    expect(String(messagesOf(document!).at(-1)!.content)).toContain('Write “The Keeper of the Light”');
    await waitUntilIdle(http, user.accessToken, id);
    expect((await detail(id)).messages[1]!.metadata.status).toBe('completed');
  });

  it('revises the open document with the change the model’s call describes (Ollama sends the call whole)', async () => {
    const id = randomUUID();
    fake.enqueue(
      streamAnswer({ deltas: [], toolCalls: [{ id: 'call_1', name: 'createDocument', arguments: '{"title":"Harbour"}' }], finishReason: 'tool_calls' }),
      streamAnswer({ deltas: ['Boats rocked in the harbour.'], finishReason: 'stop' }),
    );
    await postChat(api.url, user.accessToken, chatRequest(id, 'A piece about a harbour', { model: MODEL }));
    await waitUntilIdle(http, user.accessToken, id);
    const from = fake.requests.length;
    const documentId = (await detail(id)).messages[1]!.parts.flatMap((part) => (part.type === 'tool-createDocument' && part.output ? [part.output.id] : []))[0]!;
    fake.enqueue(
      streamAnswer({ deltas: [], toolCalls: [{ id: 'call_2', name: 'updateDocument', arguments: JSON.stringify({ id: 'not-the-id', description: 'Set it at night, in a storm' }) }], toolCallStyle: 'ollama', finishReason: 'tool_calls' }),
      streamAnswer({ deltas: ['Boats strained at their ropes in the storm-dark harbour.'], finishReason: 'stop' }),
    );
    const stream = await postChat(api.url, user.accessToken, chatRequest(id, 'Hmm, more drama', { model: MODEL }));
    const message = await rebuild(stream.chunks);
    expect(message!.parts.find((part) => part.type === 'tool-updateDocument')).toMatchObject({ toolCallId: 'call_2', state: 'output-available', input: { id: documentId, description: 'Set it at night, in a storm' } });
    const [reply, rewrite] = sentSince(from);
    expect(systemOf(reply!)).toContain('call createDocument');
    expect(messagesOf(reply!).some((sent) => String(sent.content).includes(`(id ${documentId})`))).toBe(true);
    expect(String(messagesOf(rewrite!).at(-1)!.content)).toContain('Set it at night, in a storm');
    const versions = await http.get<DocumentVersion[]>(`/api/document?id=${documentId}`, { token: user.accessToken });
    expect(versions.body.map((version) => version.content)).toEqual(['Boats rocked in the harbour.', 'Boats strained at their ropes in the storm-dark harbour.']);
  });

  it('fills a call with broken argument JSON from the user’s message, and answers in words when the model does', async () => {
    const id = randomUUID();
    fake.enqueue(
      streamAnswer({ deltas: [], toolCalls: [{ id: 'call_bad', name: 'createDocument', arguments: '{"title": "The Fox' }], finishReason: 'tool_calls' }),
      streamAnswer({ deltas: ['A fox ran.'], finishReason: 'stop' }),
    );
    const stream = await postChat(api.url, user.accessToken, chatRequest(id, 'Write a fable about a clever fox', { model: MODEL }));
    const message = await rebuild(stream.chunks);
    expect(message!.parts.find((part) => part.type === 'tool-createDocument')).toMatchObject({ toolCallId: 'call_bad', state: 'output-available', input: { title: expect.stringMatching(/fox/i), kind: 'text' } });
    await waitUntilIdle(http, user.accessToken, id);

    // A model that answers in words has answered: no tool runs.
    fake.enqueue(streamAnswer({ deltas: words('Foxes are clever in many fables.'), finishReason: 'stop' }));
    const plain = await postChat(api.url, user.accessToken, chatRequest(id, 'Why are foxes always clever?', { model: MODEL }));
    expect(textOf(plain.chunks)).toBe('Foxes are clever in many fables.');
    expect(typesOf(plain.chunks)).not.toContain('tool-input-start');
  });

  it('lets the intent router decide when the server refuses tools, and asks that model without them from then on', async () => {
    const id = randomUUID();
    const from = fake.requests.length;
    fake.enqueue(streamAnswer({ deltas: words('The moon rose over the quiet sea. '), finishReason: 'stop' }));
    const stream = await postChat(api.url, user.accessToken, chatRequest(id, 'Write a poem about the moon', { model: NO_TOOLS_MODEL }));
    const message = await rebuild(stream.chunks);
    expect(message!.parts.find((part) => part.type === 'tool-createDocument')).toMatchObject({ state: 'output-available', input: { kind: 'text' } });
    expect(message!.metadata).toMatchObject({ status: 'completed' });
    await waitUntilIdle(http, user.accessToken, id);

    fake.enqueue(streamAnswer({ deltas: words('Hello there, poet.'), finishReason: 'stop' }));
    const hello = await postChat(api.url, user.accessToken, chatRequest(id, 'Hello!', { model: NO_TOOLS_MODEL }));
    expect(textOf(hello.chunks)).toBe('Hello there, poet.');
    await waitUntilIdle(http, user.accessToken, id);
    const sent = sentSince(from);
    // One refusal only: the second message went without tools straight away.
    expect(sent.filter((request) => request.refused)).toHaveLength(1);
    expect(sent.filter((request) => !request.refused).every((request) => request.body['tools'] === undefined && request.body['model'] === NO_TOOLS_MODEL)).toBe(true);
    expect(sent.filter((request) => !request.refused)).toHaveLength(2);
  });

  it('asks the model the chat picked for the reply and its title; the builtin id writes with the builtin engine', async () => {
    const id = randomUUID();
    const from = fake.requests.length;
    fake.enqueue(streamAnswer({ deltas: ['Hi from the vision model.'], finishReason: 'stop' }));
    await postChat(api.url, user.accessToken, chatRequest(id, 'Hello', { model: VISION_MODEL }));
    await waitUntilIdle(http, user.accessToken, id);
    const asked = fake.requests.slice(from);
    expect(asked.map((request) => request.body['model'])).toEqual(asked.map(() => VISION_MODEL));
    expect(asked.some(isTitle)).toBe(true);

    const builtinChat = randomUUID();
    const before = fake.requests.length;
    const stream = await postChat(api.url, user.accessToken, chatRequest(builtinChat, 'Tell me about a brave little mouse', { model: 'builtin' }));
    expect(stream.status).toBe(200);
    expect(textOf(stream.chunks).length).toBeGreaterThan(0);
    await waitUntilIdle(http, user.accessToken, builtinChat);
    expect(fake.requests.length).toBe(before);

    // Each generation records who wrote it: the model the chat picked, the configured one, or the builtin engine.
    const configured = randomUUID();
    fake.enqueue(streamAnswer({ deltas: ['Hi from the usual model.'], finishReason: 'stop' }));
    await postChat(api.url, user.accessToken, chatRequest(configured, 'Hello', { model: MODEL }));
    await waitUntilIdle(http, user.accessToken, configured);
    const writers = async (chatId: string): Promise<unknown[]> =>
      api.app.get(DataSource).query('SELECT DISTINCT provider, model FROM generations WHERE target_id = $1', [chatId]) as Promise<unknown[]>;
    expect(await writers(id)).toEqual([{ provider: 'openai-compatible', model: VISION_MODEL }]);
    expect(await writers(configured)).toEqual([{ provider: 'openai-compatible', model: MODEL }]);
    expect(await writers(builtinChat)).toEqual([{ provider: 'builtin', model: 'builtin' }]);
  });

  it('shows pictures to a model listed as seeing, as image_url data URLs; a model that cannot see says so', async () => {
    const picture = await uploadOk(api.url, user.accessToken, await makePicture('png'));
    const files = [{ url: `/api/media/${picture.id}`, mediaType: 'image/png' }];

    const seeing = randomUUID();
    let from = fake.requests.length;
    fake.enqueue(streamAnswer({ deltas: ['A soft gradient.'], finishReason: 'stop' }));
    const seen = await postChat(api.url, user.accessToken, chatRequest(seeing, 'What is in this picture?', { model: VISION_MODEL, files }));
    expect(textOf(seen.chunks)).toBe('A soft gradient.');
    // The stored picture (the media module strips its metadata on upload), as the user's browser is served it.
    const stored = Buffer.from(await (await fetch(`${api.url}/api/media/${picture.id}`, { headers: { authorization: `Bearer ${user.accessToken}` } })).arrayBuffer());
    const last = messagesOf(sentSince(from)[0]!).at(-1)!;
    expect(last.content).toEqual([{ type: 'text', text: 'What is in this picture?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${stored.toString('base64')}` } }]);
    await waitUntilIdle(http, user.accessToken, seeing);

    const blind = randomUUID();
    from = fake.requests.length;
    fake.enqueue(streamAnswer({ deltas: ['I will go by your words.'], finishReason: 'stop' }));
    const unseen = await postChat(api.url, user.accessToken, chatRequest(blind, 'What is in this picture?', { model: MODEL, files }));
    expect(textOf(unseen.chunks)).toMatch(/^I can’t see pictures with this model/);
    const sent = messagesOf(sentSince(from)[0]!).at(-1)!;
    expect(typeof sent.content).toBe('string');
    expect(sent.content).toContain('which you cannot see');
  });
});
