import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake provider received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Resolves when the connection is gone; `completedByServer` says whether the answer had been sent in full. */
  closed: Promise<void>;
  completedByServer: boolean;
}

/** How the fake answers one request. */
export type FakeAnswer = (response: ServerResponse, request: RecordedRequest) => Promise<void>;

export interface StreamScript {
  deltas: string[];
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
  /** Leaves out `data: [DONE]`. */
  omitDone?: boolean;
}

export interface FakeOpenAiServer {
  /** The API root to configure, ending in /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Answers the next requests in order, one answer each. */
  enqueue(...answers: FakeAnswer[]): void;
  /** Answers matching requests without taking from the queue, e.g. a pipeline's side requests. */
  route(matches: (request: RecordedRequest) => boolean, answer: FakeAnswer): void;
  close(): Promise<void>;
}

/** A local Chat Completions server speaking the real SSE wire format, scripted per test. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const queue: FakeAnswer[] = [];
  const routes: { matches: (request: RecordedRequest) => boolean; answer: FakeAnswer }[] = [];
  const requests: RecordedRequest[] = [];
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
      closed: new Promise((resolve) => res.on('close', () => resolve())),
      completedByServer: false,
    };
    res.on('finish', () => (recorded.completedByServer = true));
    requests.push(recorded);
    const routed = routes.find((candidate) => candidate.matches(recorded));
    const answer = routed?.answer ?? queue.shift() ?? errorAnswer(500, { error: { message: 'The fake server has no answer scripted' } });
    await answer(res, recorded).catch(() => res.destroy());
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
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
  return async (res) => {
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
    if (script.finishReason) await send(JSON.stringify(chunk({}, script.finishReason)));
    if (script.usage) await send(JSON.stringify({ ...chunk({}, null), choices: [], usage: { ...script.usage, total_tokens: script.usage.prompt_tokens + script.usage.completion_tokens } }));
    if (!script.omitDone) await send('[DONE]');
    res.end();
  };
}

function chunk(delta: Record<string, string>, finishReason: string | null): Record<string, unknown> {
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
