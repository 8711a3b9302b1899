import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTranscriptionServer {
  baseUrl: string;
  /** The multipart bodies received, to check what the browser recorded really reached the provider. */
  bodies: Buffer[];
  close(): Promise<void>;
}

/** An OpenAI-compatible `/v1/audio/transcriptions` that checks a bearer key and a multipart file, and always hears `transcript`. */
export async function startFakeTranscriptionServer(transcript: string): Promise<FakeTranscriptionServer> {
  const bodies: Buffer[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const body = Buffer.concat(parts);
      const ok = request.url === '/v1/audio/transcriptions' && request.headers.authorization === 'Bearer e2e-key' && (request.headers['content-type'] ?? '').startsWith('multipart/form-data') && body.includes('name="file"');
      if (ok) bodies.push(body);
      response.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
      response.end(JSON.stringify(ok ? { text: transcript } : { error: { message: 'Expected a multipart file' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
