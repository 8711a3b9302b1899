import { countTokens } from 'gpt-tokenizer/cjs/encoding/cl100k_base';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake provider received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** The client's port: requests that share it came over one kept-alive connection. */
  clientPort: number;
  /** Resolves when the connection is gone; `completedByServer` says whether the answer had been sent in full. */
  closed: Promise<void>;
  completedByServer: boolean;
  /** As llama-server: the prompt's tokens as counted here (set for chat completions when it behaves like llama.cpp). */
  promptTokens?: number;
  /** As llama-server: the tokens the reply may take before it is cut (`finish_reason: length`). */
  replyLimit?: number;
  /** Refused with llama.cpp's exceed_context_size_error. */
  refused?: boolean;
  /** As llama-server: the reply's last chunk says what it counted. */
  reportUsage?: boolean;
}

/**
 * Behave like llama.cpp's llama-server: GET /props reports the slot's
 * context, a prompt that does not fit is refused with its 400 body, and a
 * reply stops with `finish_reason: length` at max_tokens or the context's end.
 */
export interface LlamaCppBehaviour {
  nCtx: number;
  /**
   * Prompt tokens relative to the deterministic count (cl100k_base plus a
   * Llama 3.1 chat template); above 1, a denser tokenizer than any estimate
   * expects.
   */
  tokenScale?: number;
  /** Whether the final chunk carries `usage` (true); some builds and proxies leave it out. */
  reportUsage?: boolean;
}

/** Behave like Ollama: POST /api/show describes the model (num_ctx only when the model sets one). */
export interface OllamaBehaviour {
  numCtx?: number;
  trainedContext: number;
}

/** A server whose model takes no tools answers a request with `tools` with this error, as Ollama and llama-server do. */
export interface ToolRefusal {
  status: number;
  body: unknown;
  /** Only these models refuse; absent: every model. */
  models?: string[];
}

export interface FakeServerOptions {
  llamaCpp?: LlamaCppBehaviour;
  /** Refuse requests that have `tools`. */
  refuseTools?: ToolRefusal;
  ollama?: OllamaBehaviour;
  /** The /v1/models list; one "fake-model" entry by default; null: the server has no list (404). */
  models?: Record<string, unknown>[] | null;
}

/** How the fake answers one request. */
export type FakeAnswer = (response: ServerResponse, request: RecordedRequest) => Promise<void>;

/** A call the scripted model makes. */
export interface ScriptedToolCall {
  id: string;
  name: string;
  /** The argument JSON as the model writes it (it may be broken). */
  arguments: string;
}

export interface StreamScript {
  deltas: string[];
  /**
   * Tool calls after the text. `llama.cpp` (and OpenAI) stream each call as
   * an opening delta with id and name, then its arguments in pieces of
   * `argumentPiece` characters; `ollama` sends each call whole in one delta.
   */
  toolCalls?: ScriptedToolCall[];
  toolCallStyle?: 'llama.cpp' | 'ollama';
  argumentPiece?: number;
  finishReason?: string;
  /** Sent in a final chunk with empty choices, as OpenAI does for `include_usage`. */
  usage?: { prompt_tokens: number; completion_tokens: number };
  lineEnding?: '\n' | '\r\n';
  /** `: keep-alive` comments between events. */
  comments?: boolean;
  /** Each chunk's JSON spread over several `data:` lines of one event. */
  multiLineData?: boolean;
  /** Each event written in two halves, split mid-character where possible. */
  fragmented?: boolean;
  /** Waits this long (after the headers) before the first delta. */
  firstTokenDelayMs?: number;
  /** Waits this long between deltas, for replies that stream slowly enough to interrupt. */
  deltaDelayMs?: number;
  /** Destroys the socket after this many deltas. */
  dropAfter?: number;
  /** Stops after this many deltas and keeps the connection open until the client leaves. */
  hangAfter?: number;
  /** Ends the body this long after `data: [DONE]` (a server that writes the two apart). */
  endDelayMs?: number;
  /** Leaves out `data: [DONE]`. */
  omitDone?: boolean;
}

export interface FakeOpenAiServer {
  /** The API root to configure, ending in /v1. */
  baseUrl: string;
  /** Chat completion requests, in order. */
  requests: RecordedRequest[];
  /** Everything else asked (/props, /api/show, /v1/models): the client finding out about the server. */
  probes: RecordedRequest[];
  /** Answers the next requests in order, one answer each. */
  enqueue(...answers: FakeAnswer[]): void;
  /** Answers matching requests without taking from the queue, e.g. a pipeline's side requests. */
  route(matches: (request: RecordedRequest) => boolean, answer: FakeAnswer): void;
  close(): Promise<void>;
}

/** A local Chat Completions server speaking the real SSE wire format, scripted per test. */
export async function startFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  const queue: FakeAnswer[] = [];
  const routes: { matches: (request: RecordedRequest) => boolean; answer: FakeAnswer }[] = [];
  const requests: RecordedRequest[] = [];
  const probes: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      clientPort: req.socket.remotePort ?? 0,
      closed: new Promise((resolve) => res.on('close', () => resolve())),
      completedByServer: false,
    };
    res.on('finish', () => (recorded.completedByServer = true));
    if (!recorded.path.endsWith('/chat/completions')) {
      probes.push(recorded);
      return answerProbe(res, recorded, options);
    }
    requests.push(recorded);
    if (options.llamaCpp) {
      const { nCtx, tokenScale = 1 } = options.llamaCpp;
      recorded.promptTokens = Math.ceil(llamaPromptTokens(recorded.body) * tokenScale);
      if (recorded.promptTokens >= nCtx) {
        recorded.refused = true;
        return errorAnswer(400, { error: { code: 400, message: 'the request exceeds the available context size, try increasing it', type: 'exceed_context_size_error', n_prompt_tokens: recorded.promptTokens, n_ctx: nCtx } })(res, recorded);
      }
      const maxTokens = typeof recorded.body['max_tokens'] === 'number' ? recorded.body['max_tokens'] : Number.POSITIVE_INFINITY;
      recorded.replyLimit = Math.min(maxTokens, nCtx - recorded.promptTokens);
      recorded.reportUsage = options.llamaCpp.reportUsage ?? true;
    }
    const refusal = options.refuseTools;
    if (refusal && Array.isArray(recorded.body['tools']) && (!refusal.models || refusal.models.includes(String(recorded.body['model'])))) {
      recorded.refused = true;
      return errorAnswer(refusal.status, refusal.body)(res, recorded);
    }
    const routed = routes.find((candidate) => candidate.matches(recorded));
    const answer = routed?.answer ?? queue.shift() ?? errorAnswer(500, { error: { message: 'The fake server has no answer scripted' } });
    await answer(res, recorded).catch(() => res.destroy());
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    probes,
    enqueue: (...answers) => queue.push(...answers),
    route: (matches, answer) => routes.push({ matches, answer }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON error answer, as providers send them. */
export function errorAnswer(status: number, body: unknown, headers: Record<string, string> = {}): FakeAnswer {
  return async (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** A streamed chat completion. */
export function streamAnswer(script: StreamScript): FakeAnswer {
  return async (res, request) => {
    if (request.replyLimit !== undefined) script = cutAt(script, request.replyLimit);
    // llama-server reports the usage it counted when asked to (stream_options.include_usage).
    if (request.promptTokens !== undefined && request.reportUsage && !script.usage) script = { ...script, usage: { prompt_tokens: request.promptTokens, completion_tokens: script.deltas.reduce((sum, delta) => sum + countTokens(delta), 0) } };
    const eol = script.lineEnding ?? '\n';
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    const send = (data: string): Promise<void> => writeEvent(res, data, script, eol);
    await send(JSON.stringify(chunk({ role: 'assistant', content: '' }, null)));
    if (script.firstTokenDelayMs) await wait(script.firstTokenDelayMs, res);
    for (const [index, delta] of script.deltas.entries()) {
      if (script.dropAfter === index) return void res.socket?.destroy();
      if (script.hangAfter === index) return wait(60_000, res);
      if (script.deltaDelayMs && index > 0) await wait(script.deltaDelayMs, res);
      if (script.comments) await write(res, `: keep-alive${eol}${eol}`);
      await send(JSON.stringify(chunk({ content: delta }, null)));
    }
    for (const delta of toolCallDeltas(script)) await send(JSON.stringify(chunk(delta, null)));
    if (script.finishReason) await send(JSON.stringify(chunk({}, script.finishReason)));
    if (script.usage) await send(JSON.stringify({ ...chunk({}, null), choices: [], usage: { ...script.usage, total_tokens: script.usage.prompt_tokens + script.usage.completion_tokens } }));
    if (!script.omitDone) await send('[DONE]');
    if (script.endDelayMs) await wait(script.endDelayMs, res);
    res.end();
  };
}

/** The deltas that carry the script's tool calls, in the server's style. */
function toolCallDeltas(script: StreamScript): Record<string, unknown>[] {
  const calls = script.toolCalls ?? [];
  if (script.toolCallStyle === 'ollama') {
    return calls.map((call, index) => ({ role: 'assistant', content: '', tool_calls: [{ id: call.id, index, type: 'function', function: { name: call.name, arguments: call.arguments } }] }));
  }
  const piece = script.argumentPiece ?? 4;
  return calls.flatMap((call, index) => {
    const pieces: string[] = [];
    for (let at = 0; at < call.arguments.length; at += piece) pieces.push(call.arguments.slice(at, at + piece));
    return [
      { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
      ...pieces.map((arguments_) => ({ tool_calls: [{ index, function: { arguments: arguments_ } }] })),
    ];
  });
}

function chunk(delta: Record<string, unknown>, finishReason: string | null): Record<string, unknown> {
  return { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

async function writeEvent(res: ServerResponse, data: string, script: StreamScript, eol: string): Promise<void> {
  // Split between two JSON members, where the newline the client joins the lines with is plain whitespace.
  const cut = data.indexOf(',"') + 1;
  const lines = script.multiLineData && cut > 0 ? [data.slice(0, cut), data.slice(cut)] : [data];
  const event = Buffer.from(`${lines.map((line) => `data: ${line}`).join(eol)}${eol}${eol}`, 'utf8');
  if (!script.fragmented) return write(res, event);
  // Right after the lead byte of the first multi-byte character, so the client must decode across packets.
  const leadByte = event.findIndex((byte) => byte >= 0xc0);
  const split = leadByte >= 0 ? leadByte + 1 : Math.floor(event.length / 2);
  await write(res, event.subarray(0, split));
  await wait(5, res);
  await write(res, event.subarray(split));
}

function write(res: ServerResponse, data: string | Buffer): Promise<void> {
  if (res.destroyed) return Promise.reject(new Error('The client left'));
  return new Promise((resolve, reject) => res.write(data, (error) => (error ? reject(error) : resolve())));
}

/** Waits, or stops early when the client has gone. */
function wait(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve();
    };
    // Remove the listener when the wait ends, or slow streams pile one up per delta.
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve();
    }, ms);
    res.once('close', onClose);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** llama-server's answers to everything but chat completions; 404 where a real server of the kind has no such route. */
function answerProbe(res: ServerResponse, request: RecordedRequest, options: FakeServerOptions): Promise<void> {
  const notFound = errorAnswer(404, { error: { code: 404, message: 'File Not Found', type: 'not_found_error' } });
  if (request.method === 'GET' && request.path === '/props' && options.llamaCpp) {
    return jsonAnswer({ default_generation_settings: { n_ctx: options.llamaCpp.nCtx, params: { n_predict: -1 } }, total_slots: 1, model_path: '/models/fake-model.gguf', chat_template: '{{ llama-3.1 }}' })(res, request);
  }
  if (request.method === 'POST' && request.path === '/api/show' && options.ollama) {
    const { numCtx, trainedContext } = options.ollama;
    return jsonAnswer({
      modelfile: '# Modelfile generated by "ollama show"',
      parameters: `${numCtx ? `num_ctx                        ${numCtx}\n` : ''}stop                           "<|eot_id|>"`,
      details: { family: 'llama', parameter_size: '1.2B' },
      model_info: { 'general.architecture': 'llama', 'llama.context_length': trainedContext },
    })(res, request);
  }
  if (request.method === 'GET' && request.path === '/v1/models' && options.models !== null) {
    return jsonAnswer({ object: 'list', data: options.models ?? [{ id: 'fake-model', object: 'model', owned_by: 'fake' }] })(res, request);
  }
  return notFound(res, request);
}

function jsonAnswer(body: unknown): FakeAnswer {
  return async (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

/** Llama 3.1's template: BOS, a header and end token around every message, its dated preamble in the system message, and the assistant header to reply after. */
const LLAMA_31_PREAMBLE = 'Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n';

/** The prompt's tokens as llama-server counts them: a real tokenizer (cl100k_base, which Llama 3 extends) and the chat template around the messages. */
export function llamaPromptTokens(body: Record<string, unknown>): number {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as { role: string; content: string }[]) : [];
  const preamble = countTokens(LLAMA_31_PREAMBLE);
  return 1 + preamble + messages.reduce((sum, message) => sum + 5 + countTokens(String(message.content)), 0) + 4;
}

/** The script as llama-server would send it under a token limit: cut where the limit falls, ending with `length`. */
function cutAt(script: StreamScript, limit: number): StreamScript {
  const deltas: string[] = [];
  let used = 0;
  for (const delta of script.deltas) {
    const tokens = countTokens(delta);
    if (used + tokens > limit) {
      const words = delta.split(/(?<=\s)/);
      let partial = '';
      for (const word of words) {
        if (used + countTokens(partial + word) > limit) break;
        partial += word;
      }
      if (partial) deltas.push(partial);
      return { ...script, deltas, finishReason: 'length', usage: script.usage && { ...script.usage, completion_tokens: limit } };
    }
    used += tokens;
    deltas.push(delta);
  }
  return script;
}
