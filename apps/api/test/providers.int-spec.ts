import { ContextOverflowError, ProviderError, type GenerationRequest, type StreamOutcome, type TextProvider } from '@storyos/domain';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  OpenAiCompatibleProvider,
  type OpenAiCompatibleProviderOptions,
  type ProviderRetry,
} from '../src/modules/generation/providers/openai-compatible.provider';
import { errorAnswer, startFakeOpenAiServer, streamAnswer, type FakeAnswer, type FakeOpenAiServer } from './support/fake-openai-server';

const REQUEST: GenerationRequest = {
  messages: [
    { role: 'system', content: 'You narrate a story.' },
    { role: 'user', content: 'Begin in the lighthouse.' },
  ],
  maxTokens: 120,
  temperature: 0.7,
  seed: 42,
};

interface Run {
  deltas: string[];
  outcome?: StreamOutcome;
  error?: unknown;
}

/** Drains a stream the way the pipeline does; `afterDelta` may act between deltas (e.g. abort). */
async function run(provider: TextProvider, signal = new AbortController().signal, afterDelta?: (count: number) => void): Promise<Run> {
  const deltas: string[] = [];
  const stream = provider.stream(REQUEST, signal);
  try {
    for (;;) {
      const next = await stream.next();
      if (next.done) return { deltas, outcome: next.value };
      deltas.push(next.value);
      afterDelta?.(deltas.length);
    }
  } catch (error) {
    return { deltas, error };
  }
}

function expectProviderError(result: Run, message: string, retryable: boolean): void {
  expect(result.error).toBeInstanceOf(ProviderError);
  expect((result.error as ProviderError).message).toBe(message);
  expect((result.error as ProviderError).retryable).toBe(retryable);
}

/** Never answers: the request hangs until the client gives up. */
const silence: FakeAnswer = (res) => new Promise((resolve) => res.on('close', resolve));

describe('OpenAI-compatible text provider', () => {
  let server: FakeOpenAiServer;
  let retries: ProviderRetry[];

  beforeEach(async () => {
    server = await startFakeOpenAiServer();
    retries = [];
  });
  afterEach(() => server.close());

  const provider = (overrides: Partial<OpenAiCompatibleProviderOptions> = {}): OpenAiCompatibleProvider =>
    new OpenAiCompatibleProvider({
      baseUrl: server.baseUrl,
      model: 'story-model',
      apiKey: 'sk-test-key',
      connectTimeoutMs: 2_000,
      firstTokenTimeoutMs: 2_000,
      maxRetries: 2,
      retryBaseDelayMs: 10,
      retryMaxDelayMs: 40,
      onRetry: (retry) => retries.push(retry),
      ...overrides,
    });

  it('streams the deltas and reports the finish reason and token usage', async () => {
    server.enqueue(streamAnswer({ deltas: ['Once', ' upon', ' a tide.'], finishReason: 'stop', usage: { prompt_tokens: 31, completion_tokens: 3 } }));

    const result = await run(provider());

    expect(result.error).toBeUndefined();
    expect(result.deltas).toEqual(['Once', ' upon', ' a tide.']);
    expect(result.outcome).toEqual({ finishReason: 'stop', promptTokens: 31, completionTokens: 3 });
  });

  it('sends a streamed Chat Completions request with the model, messages, options and API key', async () => {
    server.enqueue(streamAnswer({ deltas: ['Hi'], finishReason: 'stop' }));

    await run(provider());

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      model: 'story-model',
      messages: REQUEST.messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 120,
      temperature: 0.7,
      seed: 42,
    });
  });

  it('sends no authorization header without a key and reports unknown usage as null', async () => {
    server.enqueue(streamAnswer({ deltas: ['Short'], finishReason: 'length' }));

    const result = await run(provider({ apiKey: undefined }));

    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(result.outcome).toEqual({ finishReason: 'length', promptTokens: null, completionTokens: null });
  });

  it('reads SSE comments, CRLF line endings, multi-line data and events split across packets', async () => {
    const deltas = ['Café ', 'naïve 🐉 ', 'done.'];
    server.enqueue(
      streamAnswer({ deltas, finishReason: 'stop', usage: { prompt_tokens: 5, completion_tokens: 4 }, lineEnding: '\r\n', comments: true, multiLineData: true, fragmented: true }),
    );

    const result = await run(provider());

    expect(result.deltas).toEqual(deltas);
    expect(result.outcome).toEqual({ finishReason: 'stop', promptTokens: 5, completionTokens: 4 });
  });

  it('waits as long as Retry-After says after a 429, then streams', async () => {
    server.enqueue(errorAnswer(429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after': '1' }), streamAnswer({ deltas: ['Later'], finishReason: 'stop' }));

    const result = await run(provider());

    expect(result.deltas).toEqual(['Later']);
    expect(server.requests).toHaveLength(2);
    expect(retries).toEqual([{ retry: 1, delayMs: 1_000, reason: 'The provider answered 429: Rate limit reached' }]);
  });

  it('caps a long Retry-After', async () => {
    server.enqueue(errorAnswer(429, { error: { message: 'Slow down' } }, { 'retry-after': '120' }), streamAnswer({ deltas: ['Ok'], finishReason: 'stop' }));

    const result = await run(provider({ maxRetryAfterMs: 50 }));

    expect(result.deltas).toEqual(['Ok']);
    expect(retries.map((retry) => retry.delayMs)).toEqual([50]);
  });

  it('retries server errors with backoff before the first token', async () => {
    const overloaded = errorAnswer(500, { error: { message: 'The server is overloaded', type: 'server_error' } });
    server.enqueue(overloaded, overloaded, streamAnswer({ deltas: ['Third', ' time'], finishReason: 'stop' }));

    const result = await run(provider());

    expect(result.deltas).toEqual(['Third', ' time']);
    expect(server.requests).toHaveLength(3);
    expect(retries.map((retry) => retry.retry)).toEqual([1, 2]);
  });

  it('gives up, saying how often it tried, once server errors outlast the retries (so the pipeline does not run them all again)', async () => {
    const unavailable = errorAnswer(503, { error: { message: 'Service unavailable' } });
    server.enqueue(unavailable, unavailable, unavailable);

    const result = await run(provider());

    expectProviderError(result, 'The provider answered 503: Service unavailable; tried 3 times.', false);
    expect(server.requests).toHaveLength(3);
  });

  it('tells the caller before each retry, as attempt n of m, and waits for it to listen', async () => {
    const unavailable = errorAnswer(503, { error: { message: 'Service unavailable' } });
    server.enqueue(unavailable, unavailable, streamAnswer({ deltas: ['At last'], finishReason: 'stop' }));
    const heard: string[] = [];

    const stream = provider().stream(REQUEST, new AbortController().signal, {
      onRetry: async (notice) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        heard.push(`${notice.attempt} of ${notice.attempts}: ${notice.reason}`);
      },
    });
    const deltas: string[] = [];
    for await (const delta of stream) deltas.push(delta);

    expect(deltas).toEqual(['At last']);
    expect(heard).toEqual(['2 of 3: The provider answered 503: Service unavailable', '3 of 3: The provider answered 503: Service unavailable']);
  });

  it('reports llama.cpp’s exceed_context_size_error as an over-long prompt, with the counts, without retrying', async () => {
    server.enqueue(errorAnswer(400, { error: { code: 400, message: 'the request exceeds the available context size, try increasing it', type: 'exceed_context_size_error', n_prompt_tokens: 2345, n_ctx: 2048 } }));

    const result = await run(provider());

    expect(result.error).toBeInstanceOf(ContextOverflowError);
    expect(result.error).toMatchObject({ kind: 'context-overflow', retryable: false, promptTokens: 2345, contextTokens: 2048 });
    expect(server.requests).toHaveLength(1);
  });

  it('reports OpenAI’s context_length_exceeded the same way', async () => {
    server.enqueue(
      errorAnswer(400, {
        error: { message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9001 tokens. Please reduce the length of the messages.", type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' },
      }),
    );

    const result = await run(provider());

    expect(result.error).toMatchObject({ kind: 'context-overflow', promptTokens: 9001, contextTokens: 8192 });
  });

  it('asks for JSON with a schema, and another way when the server refuses the reply format — remembering it', async () => {
    const refuse = errorAnswer(400, { error: { message: "Unrecognized request argument supplied: response_format.json_schema" } });
    server.enqueue(refuse, streamAnswer({ deltas: ['{"a":1}'], finishReason: 'stop' }), streamAnswer({ deltas: ['{"a":2}'], finishReason: 'stop' }));
    const json: GenerationRequest = { ...REQUEST, responseFormat: { name: 'thing', schema: { type: 'object', properties: { a: { type: 'integer' } } } } };
    const chat = provider();
    const collect = async () => {
      const deltas: string[] = [];
      for await (const delta of chat.stream(json, new AbortController().signal)) deltas.push(delta);
      return deltas.join('');
    };

    expect(await collect()).toBe('{"a":1}');
    expect(await collect()).toBe('{"a":2}');
    expect(server.requests.map((request) => request.body['response_format'])).toEqual([
      { type: 'json_schema', json_schema: { name: 'thing', schema: json.responseFormat!.schema } },
      { type: 'json_object' },
      { type: 'json_object' },
    ]);
    expect(retries).toEqual([]);
  });

  it('explains a rejected key without retrying', async () => {
    server.enqueue(errorAnswer(401, { error: { message: 'Incorrect API key provided: sk-test***', type: 'invalid_request_error', code: 'invalid_api_key' } }));

    const result = await run(provider());

    expectProviderError(result, 'The provider rejected the API key (401).', false);
    expect(server.requests).toHaveLength(1);
  });

  it('explains an unknown model, whether the provider answers 404 or names the model in a 400', async () => {
    server.enqueue(
      errorAnswer(404, { error: { message: 'The model `story-model` does not exist', type: 'invalid_request_error', code: 'model_not_found' } }),
      errorAnswer(400, { error: { message: 'story-model is not a valid model ID', code: 400 } }),
    );

    const notFound = await run(provider());
    const invalid = await run(provider());

    expectProviderError(notFound, 'The provider does not know the model "story-model".', false);
    expectProviderError(invalid, 'The provider does not know the model "story-model".', false);
  });

  it('explains a provider address that moved, without following it or retrying', async () => {
    server.enqueue(errorAnswer(308, {}, { location: 'https://llm.example.test/v1/chat/completions' }));

    const result = await run(provider());

    expectProviderError(result, "The provider's address moved (308 to https://llm.example.test/v1/chat/completions); point the provider setting at the new address.", false);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps its connections to the provider alive from one reply to the next', async () => {
    const replies = ['One.', 'Two.', 'Three.', 'Four.'];
    // The body ends a moment after [DONE], as when a server writes the two apart: closing it at [DONE] would cost the connection.
    server.enqueue(...replies.map((reply) => streamAnswer({ deltas: [reply], finishReason: 'stop', endDelayMs: 30 })));

    const results: Run[] = [];
    for (const _reply of replies) results.push(await run(provider()));

    expect(results.map((result) => result.deltas)).toEqual(replies.map((reply) => [reply]));
    // The pool may hand a reply to a second connection while the first is being given back; it opens no more.
    expect(new Set(server.requests.map((request) => request.clientPort)).size).toBeLessThanOrEqual(2);
  });

  it("passes on the provider's message for other bad requests", async () => {
    server.enqueue(errorAnswer(400, { error: { message: "'messages' must contain at least one message", type: 'invalid_request_error' } }));

    const result = await run(provider());

    expectProviderError(result, "'messages' must contain at least one message", false);
  });

  it('retries when the first token is slower than the timeout', async () => {
    server.enqueue(streamAnswer({ deltas: ['Too late'], finishReason: 'stop', firstTokenDelayMs: 5_000 }), streamAnswer({ deltas: ['In time'], finishReason: 'stop' }));

    const result = await run(provider({ firstTokenTimeoutMs: 200 }));

    expect(result.deltas).toEqual(['In time']);
    expect(retries).toEqual([expect.objectContaining({ retry: 1, reason: 'The provider sent no text within 0.2s.' })]);
    await server.requests[0]?.closed;
    expect(server.requests[0]?.completedByServer).toBe(false);
  });

  it('fails with a retryable error when the first token never comes in time', async () => {
    server.enqueue(streamAnswer({ deltas: ['Too late'], finishReason: 'stop', firstTokenDelayMs: 5_000 }));

    const result = await run(provider({ firstTokenTimeoutMs: 200, maxRetries: 0 }));

    expectProviderError(result, 'The provider sent no text within 0.2s.', true);
  });

  it('fails with a retryable error when no response headers arrive in time', async () => {
    server.enqueue(silence);

    const result = await run(provider({ connectTimeoutMs: 200, maxRetries: 0 }));

    expectProviderError(result, 'The provider did not answer within 0.2s.', true);
  });

  it('fails with a readable error when the provider cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const result = await run(provider({ baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 1 }));

    expectProviderError(result, 'The provider could not be reached (ECONNREFUSED); tried 2 times.', false);
    expect(retries).toHaveLength(1);
  });

  it('throws a retryable error when the connection drops mid-reply, after yielding what came before', async () => {
    server.enqueue(streamAnswer({ deltas: ['The', ' door', ' creaked'], finishReason: 'stop', dropAfter: 2 }));

    const result = await run(provider());

    expect(result.deltas).toEqual(['The', ' door']);
    expectProviderError(result, "The provider's connection dropped mid-reply", true);
    expect(server.requests).toHaveLength(1);
  });

  it('stops promptly when aborted mid-stream and closes the connection', async () => {
    server.enqueue(streamAnswer({ deltas: ['One', ' two', ' three'], finishReason: 'stop', hangAfter: 2 }));
    const abort = new AbortController();

    const result = await run(provider(), abort.signal, (count) => count === 2 && abort.abort());

    expect(result.deltas).toEqual(['One', ' two']);
    expect(result.outcome).toEqual({ finishReason: 'aborted', promptTokens: null, completionTokens: null });
    await server.requests[0]?.closed;
    expect(server.requests[0]?.completedByServer).toBe(false);
  });

  it('stops when aborted while waiting for the first token', async () => {
    server.enqueue(streamAnswer({ deltas: ['Never'], finishReason: 'stop', firstTokenDelayMs: 30_000 }));
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);

    const result = await run(provider({ firstTokenTimeoutMs: 30_000 }), abort.signal);

    expect(result.outcome?.finishReason).toBe('aborted');
    await server.requests[0]?.closed;
  });

  it('stops when aborted while waiting for headers or between retries', async () => {
    server.enqueue(silence, errorAnswer(429, { error: { message: 'Busy' } }, { 'retry-after': '30' }));
    const whileConnecting = new AbortController();
    const whileBackingOff = new AbortController();
    setTimeout(() => whileConnecting.abort(), 100);

    const connecting = await run(provider({ connectTimeoutMs: 30_000 }), whileConnecting.signal);
    const backingOff = run(provider({ onRetry: () => whileBackingOff.abort() }), whileBackingOff.signal);

    expect(connecting.outcome?.finishReason).toBe('aborted');
    expect((await backingOff).outcome?.finishReason).toBe('aborted');
    expect(server.requests).toHaveLength(2);
  });

  it('does not call the provider when already aborted', async () => {
    const abort = new AbortController();
    abort.abort();

    const result = await run(provider(), abort.signal);

    expect(result.outcome?.finishReason).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('explains an answer that is not an event stream', async () => {
    server.enqueue(errorAnswer(200, { choices: [{ message: { content: 'whole reply' } }] }));

    const result = await run(provider());

    expectProviderError(
      result,
      'The provider answered with "application/json" instead of an event stream; check that LLM_BASE_URL is the API root (e.g. https://api.openai.com/v1).',
      false,
    );
  });
});
