import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MediaRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type MediaAnswer = (response: ServerResponse, request: MediaRequest) => Promise<void>;

export interface FakeMediaServer {
  baseUrl: string;
  requests: MediaRequest[];
  /** Answers the next requests in order; when the queue is empty, the route's real-looking default answers. */
  enqueue(...answers: MediaAnswer[]): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible images/speech/transcription server: checks what real
 * ones check (a bearer key, a model, the required fields, multipart for
 * transcription) and answers in their formats, unless a test scripts an answer.
 */
export async function startFakeMediaServer(defaults: { png: Buffer; wav: Buffer; transcript: string }): Promise<FakeMediaServer> {
  const queue: MediaAnswer[] = [];
  const requests: MediaRequest[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(parts) };
      requests.push(request);
      const answer = queue.shift() ?? defaultAnswer(defaults);
      answer(res, request).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...answers) => queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function defaultAnswer(defaults: { png: Buffer; wav: Buffer; transcript: string }): MediaAnswer {
  return async (res, request) => {
    if (request.headers.authorization !== 'Bearer test-key') return json(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } })(res, request);
    if (request.path === '/v1/images/generations') {
      const body = JSON.parse(request.body.toString('utf8') || '{}');
      if (!body.model || !body.prompt) return json(400, { error: { message: "Missing required parameter: 'prompt'." } })(res, request);
      return json(200, { created: 1_700_000_000, data: [{ b64_json: defaults.png.toString('base64'), revised_prompt: `A picture-book plate: ${body.prompt}` }] })(res, request);
    }
    if (request.path === '/v1/audio/speech') {
      const body = JSON.parse(request.body.toString('utf8') || '{}');
      if (!body.model || !body.input || !body.voice) return json(400, { error: { message: "Missing required parameter: 'voice'." } })(res, request);
      res.writeHead(200, { 'content-type': body.response_format === 'wav' ? 'audio/wav' : 'audio/mpeg' });
      res.end(body.response_format === 'wav' ? defaults.wav : Buffer.from('ID3 not wav'));
      return;
    }
    if (request.path === '/v1/audio/transcriptions') {
      const type = request.headers['content-type'] ?? '';
      if (!type.startsWith('multipart/form-data') || !request.body.includes('name="model"') || !request.body.includes('name="file"')) {
        return json(400, { error: { message: 'Expected multipart with file and model' } })(res, request);
      }
      return json(200, { text: defaults.transcript })(res, request);
    }
    return json(404, { error: { message: `Unknown path ${request.path}` } })(res, request);
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): MediaAnswer {
  return async (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** Holds the answer back for `ms` (or until the client leaves), then gives the route's default. */
export function slow(ms: number, then: MediaAnswer): MediaAnswer {
  return (res, request) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => void then(res, request).then(resolve), ms);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
}
