import type { AuthSession, ChatDetail, ChatMessageMetadata, DocumentVersion } from '@storyos/contracts';
import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { randomUUID } from 'node:crypto';
import { registerUser } from './support/accounts';
import { chatRequest, postChat, resumeChat, textOf, waitUntilIdle } from './support/chat-helpers';
import { errorAnswer, startFakeOpenAiServer, streamAnswer, type FakeAnswer, type FakeOpenAiServer, type RecordedRequest } from './support/fake-openai-server';
import { httpClient, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const MODEL = 'fake-chat-model';
const words = (text: string): string[] => text.split(/(?<= )/);
const slow = (text: string, deltaDelayMs = 150): FakeAnswer => streamAnswer({ deltas: words(text), finishReason: 'stop', deltaDelayMs });
const systemOf = (request: RecordedRequest): string => ((request.body['messages'] as { role: string; content: string }[])[0]?.content ?? '');

/** Replies from a chat model (a local OpenAI-compatible fake) through a real worker: streams, resume, stop, and the AI SDK's own client. */
describe('chat streams with a chat model', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let user: AuthSession;

  /** The AI SDK's transport, pointed at our API as the web app points it. */
  const transport = (token: string): DefaultChatTransport<UIMessage<ChatMessageMetadata>> =>
    new DefaultChatTransport<UIMessage<ChatMessageMetadata>>({
      api: `${api.url}/api/chat`,
      headers: { authorization: `Bearer ${token}` },
      prepareSendMessagesRequest: ({ id, messages }) => ({ body: { id, message: messages.at(-1), selectedChatModel: MODEL, selectedVisibilityType: 'private' } }),
    });

  /** The assistant message as the AI SDK's own client code rebuilds it from a stream. */
  const rebuild = async (stream: ReadableStream<UIMessageChunk>): Promise<UIMessage | undefined> => {
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream })) last = message;
    return last;
  };

  const waitForReplying = async (chatId: string): Promise<void> => {
    for (let tries = 0; tries < 200; tries += 1) {
      const detail = await http.get<ChatDetail>(`/api/chat/${chatId}`, { token: user.accessToken });
      if (detail.status === 200 && detail.body.chat.isReplying) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the reply never started');
  };

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    // Titles are asked for beside every new chat's first reply; they never take from the scripted queue.
    fake.route((request) => systemOf(request).startsWith('You write short titles'), streamAnswer({ deltas: ['"The Lantern ', 'Keeper".'], finishReason: 'stop' }));
    api = await startTestApp({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: MODEL, LLM_MAX_RETRIES: '0', GENERATION_ATTEMPTS: '1', LLM_CONTEXT_TOKENS: '8192' });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    user = await registerUser(api.url, 'chat-streams');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  it('names a new chat with the model, and sends the chat so far with each message', async () => {
    const id = randomUUID();
    fake.enqueue(slow('Hello, traveller.', 0), slow('Again, hello.', 0));
    await postChat(api.url, user.accessToken, chatRequest(id, 'Hi there', { model: MODEL }));
    await waitUntilIdle(http, user.accessToken, id);
    await postChat(api.url, user.accessToken, chatRequest(id, 'Hi again', { model: MODEL }));
    await waitUntilIdle(http, user.accessToken, id);
    expect((await http.get<ChatDetail>(`/api/chat/${id}`, { token: user.accessToken })).body.chat.title).toBe('The Lantern Keeper');
    const sent = fake.requests.filter((request) => !systemOf(request).startsWith('You write short titles')).at(-1)!;
    expect((sent.body['messages'] as { role: string; content: string }[]).slice(1)).toEqual([
      { role: 'user', content: 'Hi there' },
      { role: 'assistant', content: 'Hello, traveller.' },
      { role: 'user', content: 'Hi again' },
    ]);
  });

  it('resumes an active reply from its start with exactly the chunks the POST’s own stream gave', async () => {
    const id = randomUUID();
    fake.enqueue(slow('Once upon a time a lantern keeper lived on a hill above the sleeping town and watched the roads.'));
    const posted = postChat(api.url, user.accessToken, chatRequest(id, 'What did the keeper see from the hill?', { model: MODEL }));
    await waitForReplying(id);
    const resumed = await resumeChat(api.url, user.accessToken, id);
    const original = await posted;
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(textOf(original.chunks)).toBe('Once upon a time a lantern keeper lived on a hill above the sleeping town and watched the roads.');
    expect(resumed.chunks).toEqual(original.chunks);
    expect(resumed.done).toBe(true);
    // Ended: nothing to resume.
    await waitUntilIdle(http, user.accessToken, id);
    expect((await resumeChat(api.url, user.accessToken, id)).status).toBe(204);
  });

  it('gives the same chunks to the POST and a resume of the next message in a chat, its start stamped as stored', async () => {
    const id = randomUUID();
    fake.enqueue(slow('Hello.', 0), slow('The keeper lit the lantern at dusk and the whole valley saw it shine across the water.'));
    await postChat(api.url, user.accessToken, chatRequest(id, 'Hi', { model: MODEL }));
    await waitUntilIdle(http, user.accessToken, id);
    const posted = postChat(api.url, user.accessToken, chatRequest(id, 'When did the keeper light it?', { model: MODEL }));
    await waitForReplying(id);
    const resumed = await resumeChat(api.url, user.accessToken, id);
    const original = await posted;
    expect(textOf(original.chunks)).toBe('The keeper lit the lantern at dusk and the whole valley saw it shine across the water.');
    expect(resumed.chunks).toEqual(original.chunks);
    await waitUntilIdle(http, user.accessToken, id);
    const stored = (await http.get<ChatDetail>(`/api/chat/${id}`, { token: user.accessToken })).body.messages.at(-1)!;
    expect(original.chunks[0]).toEqual({ type: 'start', messageId: stored.id, messageMetadata: { createdAt: stored.metadata.createdAt, status: 'streaming', error: null } });
  });

  it('keeps writing the reply when the POST’s connection closes', async () => {
    const id = randomUUID();
    fake.enqueue(slow('The river ran on long after the traveller had turned away from its banks.'));
    const abort = new AbortController();
    const response = await fetch(`${api.url}/api/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(chatRequest(id, 'Go on', { model: MODEL })),
      signal: abort.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();
    await waitUntilIdle(http, user.accessToken, id);
    const reply = (await http.get<ChatDetail>(`/api/chat/${id}`, { token: user.accessToken })).body.messages[1]!;
    expect(reply.metadata.status).toBe('completed');
    expect(reply.parts).toContainEqual({ type: 'text', text: 'The river ran on long after the traveller had turned away from its banks.' });
  });

  it('stops a reply on request, keeping what was written', async () => {
    const id = randomUUID();
    fake.enqueue(streamAnswer({ deltas: words('Slowly the fog came in over the harbour and the '), finishReason: 'stop', deltaDelayMs: 100, hangAfter: 6 }));
    const posted = postChat(api.url, user.accessToken, chatRequest(id, 'Describe the harbour', { model: MODEL }));
    await waitForReplying(id);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await http.post(`/api/chat/${id}/stop`, { token: user.accessToken })).status).toBe(204);
    const stream = await posted;
    expect(stream.chunks.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'stopped' } });
    await waitUntilIdle(http, user.accessToken, id);
    const reply = (await http.get<ChatDetail>(`/api/chat/${id}`, { token: user.accessToken })).body.messages[1]!;
    expect(reply.metadata.status).toBe('stopped');
    expect(textOf(stream.chunks).length).toBeGreaterThan(0);
    expect(reply.parts).toContainEqual({ type: 'text', text: textOf(stream.chunks) });
    expect((await http.post(`/api/chat/${id}/stop`, { token: user.accessToken })).status).toBe(409);
  });

  it('ends a failed reply with an error chunk and the reason in words', async () => {
    const id = randomUUID();
    fake.enqueue(errorAnswer(400, { error: { message: 'model is sleeping' } }));
    const stream = await postChat(api.url, user.accessToken, chatRequest(id, 'Hello?', { model: MODEL }));
    const error = stream.chunks.find((chunk) => chunk.type === 'error') as { errorText: string } | undefined;
    expect(error?.errorText).toMatch(/model is sleeping/);
    expect(stream.chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'error' });
  });

  it('is read by the ai package’s own client: POST and resume rebuild the same message with the model’s tool calls as tool parts', async () => {
    const id = randomUUID();
    const chat = transport(user.accessToken);
    // The model calls createDocument as llama-server streams it (arguments in pieces); the document step then writes it.
    fake.enqueue(
      streamAnswer({ deltas: [], toolCalls: [{ id: 'call_lantern', name: 'createDocument', arguments: '{"title":"A Lantern","kind":"text"}' }], finishReason: 'tool_calls' }),
      slow('# The Lantern\n\nA small light burned on the hill, and every night it waited for the lost. ', 100),
    );
    const message: UIMessage<ChatMessageMetadata> = { id: randomUUID(), role: 'user', parts: [{ type: 'text', text: 'Write a poem about a lantern' }] };
    const sent = await chat.sendMessages({ chatId: id, messages: [message], trigger: 'submit-message', messageId: undefined, abortSignal: undefined });
    await waitForReplying(id);
    const reconnected = await chat.reconnectToStream({ chatId: id });
    expect(reconnected).not.toBeNull();
    const [fromPost, fromResume] = await Promise.all([rebuild(sent), rebuild(reconnected!)]);
    expect(fromResume).toEqual(fromPost);
    const tool = fromPost!.parts.find((part) => part.type === 'tool-createDocument') as { state: string; input: unknown; output: { id: string; title: string } };
    expect(tool).toMatchObject({ toolCallId: 'call_lantern', state: 'output-available', input: { title: 'A Lantern', kind: 'text' }, output: { title: 'A Lantern', kind: 'text', content: 'A document was created and is now visible to the user.' } });
    const texts = fromPost!.parts.flatMap((part) => (part.type === 'text' ? [part.text] : []));
    expect(texts).toEqual(['I wrote “A Lantern”. It is open beside the chat: edit it there, ask me to change it, or ask how it could be better.']);
    const versions = await http.get<DocumentVersion[]>(`/api/document?id=${tool.output.id}`, { token: user.accessToken });
    expect(versions.body[0]!.content).toBe('# The Lantern\n\nA small light burned on the hill, and every night it waited for the lost.');

    // Once it has ended, the AI SDK is told there is nothing to resume.
    await waitUntilIdle(http, user.accessToken, id);
    expect(await chat.reconnectToStream({ chatId: id })).toBeNull();

    // The model asks for suggestions (Ollama sends the call whole); they come from the model, as JSON, and land in the document as the tool's output.
    fake.enqueue(
      streamAnswer({ deltas: [], toolCalls: [{ id: 'call_ideas', name: 'requestSuggestions', arguments: `{"documentId":"${tool.output.id}"}` }], toolCallStyle: 'ollama', finishReason: 'tool_calls' }),
      streamAnswer({
        deltas: [JSON.stringify({ suggestions: [{ originalSentence: 'A small light burned on the hill, and every night it waited for the lost.', suggestedSentence: 'A small light burned on the hill; each night it waited for the lost.', description: 'Tighter rhythm' }] })],
        finishReason: 'stop',
      }),
    );
    const asked = await chat.sendMessages({ chatId: id, messages: [{ id: randomUUID(), role: 'user', parts: [{ type: 'text', text: 'Any suggestions?' }] }], trigger: 'submit-message', messageId: undefined, abortSignal: undefined });
    const withSuggestions = await rebuild(asked);
    expect(withSuggestions!.parts.find((part) => part.type === 'tool-requestSuggestions')).toMatchObject({ toolCallId: 'call_ideas', state: 'output-available', input: { documentId: tool.output.id }, output: { id: tool.output.id } });
    const suggestions = await http.get(`/api/suggestions?documentId=${tool.output.id}`, { token: user.accessToken });
    expect(suggestions.body).toEqual([expect.objectContaining({ suggestedText: 'A small light burned on the hill; each night it waited for the lost.', isResolved: false })]);
  });
});
