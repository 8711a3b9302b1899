import { followEntries, type AuthSession, type Generation, type MediaCapabilities, type StreamEntry, type TranscriptionAccepted } from '@storyos/contracts';
import { encodeWav } from '@storyos/domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { json, slow, startFakeMediaServer, type FakeMediaServer } from './support/fake-media-server';
import { countRows, waitForGeneration } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { countMediaRows, filesUnder, makePicture } from './support/media-helpers';
import { connectSocket, type TestSocket } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const tone = { sampleRate: 16_000, channels: [Float32Array.from({ length: 16_000 }, (_, index) => Math.sin(index / 6) * 0.3)] };
const WAV = Buffer.from(encodeWav(tone));
/** How MediaRecorder's WebM begins (an EBML header naming the webm doctype), then the audio. */
const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(2_000, 7)]);

async function sendRecording(baseUrl: string, token: string, bytes: Uint8Array, fileName = 'speech.webm', contentType = 'audio/webm'): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: contentType }), fileName);
  const response = await fetch(`${baseUrl}/api/media/transcriptions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Speech input: a recording is checked, stored and transcribed as a step of the pipeline, by a real worker against a fake OpenAI-compatible server. */
describe('speech input: transcription as a step of the pipeline', () => {
  let server: FakeMediaServer;
  let dir: string;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let alice: AuthSession;
  let bob: AuthSession;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startFakeMediaServer({ png: await makePicture('png', 64, 64), wav: WAV, transcript: ' I open the door and call for Bram. ' });
    dir = await mkdtemp(join(tmpdir(), 'storyos-recordings-'));
    api = await startTestApp({
      MEDIA_DIR: dir,
      TRANSCRIPTION_BASE_URL: server.baseUrl,
      TRANSCRIPTION_API_KEY: 'test-key',
      TRANSCRIPTION_MODEL: 'whisper-1',
      TRANSCRIPTION_TIMEOUT_MS: '3000',
      MEDIA_PROVIDER_MAX_RETRIES: '2',
      MEDIA_UPLOADS_PER_MINUTE: '1000',
    });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    alice = await registerUser(api.url, 'speaker');
    bob = await registerUser(api.url, 'listener');
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await worker?.stop();
    await api?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  const accepted = async (bytes: Uint8Array, fileName?: string, contentType?: string): Promise<TranscriptionAccepted> => {
    const answer = await sendRecording(api.url, alice.accessToken, bytes, fileName, contentType);
    expect(answer.status).toBe(202);
    return answer.body as TranscriptionAccepted;
  };

  it('reports the transcription provider to clients', async () => {
    const capabilities = await http.get<MediaCapabilities>('/api/media/capabilities', { token: alice.accessToken });
    expect(capabilities.body.transcription).toMatchObject({ provider: 'openai-compatible', model: 'whisper-1', maxBytes: 10 * 1024 * 1024 });
    expect(capabilities.body.transcription.contentTypes).toEqual(expect.arrayContaining(['audio/webm', 'audio/ogg', 'audio/wav', 'audio/mpeg', 'audio/mp4']));
  });

  it('writes down a recording: the transcript streams as text to the owner and is stored as the generation’s text', async () => {
    const socket = await connectSocket(api.url, { token: alice.accessToken });
    sockets.push(socket);
    const entries: StreamEntry[] = [];
    followEntries(socket, ({ entry }) => entries.push(entry));

    const { generationId, recordingId } = await accepted(WEBM);
    const done = await waitForGeneration(http, alice.accessToken, generationId);
    expect(done).toMatchObject({ status: 'completed', kind: 'media.transcription', text: 'I open the door and call for Bram.', provider: 'openai-compatible', model: 'whisper-1', target: { type: 'recording', id: recordingId } });
    await eventually(async () => expect(entries.some((entry) => entry.type === 'end')).toBe(true));
    expect(entries.filter((entry) => entry.type === 'delta').map((entry) => (entry as { text: string }).text).join('')).toBe('I open the door and call for Bram.');

    // The provider got the recording as multipart, named for its container.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.includes(Buffer.from('filename="recording.webm"'))).toBe(true);
    expect(server.requests[0]!.body.includes(WEBM.subarray(0, 24))).toBe(true);
    // The recording is the owner's stored media, typed from its bytes; no one else sees it or the transcript.
    const own = await fetch(`${api.url}/api/media/${recordingId}`, { headers: { authorization: `Bearer ${alice.accessToken}` } });
    expect(own.headers.get('content-type')).toBe('audio/webm');
    expect((await fetch(`${api.url}/api/media/${recordingId}`, { headers: { authorization: `Bearer ${bob.accessToken}` } })).status).toBe(404);
    expectError(await http.get(`/api/generations/${generationId}`, { token: bob.accessToken }), 404, 'NOT_FOUND');
  });

  it('takes WAV as well, typed by its bytes whatever the file is called', async () => {
    const { generationId, recordingId } = await accepted(WAV, 'voice.webm', 'audio/webm');
    expect((await waitForGeneration(http, alice.accessToken, generationId)).status).toBe('completed');
    const stored = await fetch(`${api.url}/api/media/${recordingId}`, { headers: { authorization: `Bearer ${alice.accessToken}` } });
    expect(stored.headers.get('content-type')).toBe('audio/wav');
  });

  it('fails with the provider’s reason on a 4xx, without retrying', async () => {
    server.enqueue(json(400, { error: { message: 'Audio file is too short. Minimum audio length is 0.1 seconds.' } }));
    const { generationId } = await accepted(WEBM);
    const done = await waitForGeneration(http, alice.accessToken, generationId);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('Audio file is too short');
    expect(server.requests).toHaveLength(1);
  });

  it('retries 5xx answers and then succeeds', async () => {
    server.enqueue(json(503, { error: { message: 'Overloaded' } }), json(500, { error: { message: 'The server had an error' } }));
    const { generationId } = await accepted(WEBM);
    const done = await waitForGeneration(http, alice.accessToken, generationId);
    expect(done).toMatchObject({ status: 'completed', text: 'I open the door and call for Bram.' });
    expect(server.requests).toHaveLength(3);
  });

  it('gives a slow answer up after the timeout and asks again', async () => {
    server.enqueue(slow(10_000, json(200, { text: 'too late' })));
    const { generationId } = await accepted(WEBM);
    const done = await waitForGeneration(http, alice.accessToken, generationId);
    expect(done).toMatchObject({ status: 'completed', text: 'I open the door and call for Bram.' });
    expect(server.requests).toHaveLength(2);
  });

  it('stops through the pipeline: the provider call is aborted and the step ends stopped with no text', async () => {
    server.enqueue(slow(2_800, json(200, { text: 'too late' })), slow(2_800, json(200, { text: 'too late' })), slow(2_800, json(200, { text: 'too late' })));
    const { generationId } = await accepted(WEBM);
    await eventually(async () => expect(server.requests.length).toBeGreaterThanOrEqual(1));
    const stop = await http.post<Generation>(`/api/generations/${generationId}/stop`, { token: alice.accessToken });
    expect(stop.status).toBe(202);
    const done = await waitForGeneration(http, alice.accessToken, generationId);
    expect(done).toMatchObject({ status: 'stopped', text: '' });
    expect(server.requests).toHaveLength(1);
  });

  it('refuses empty, mislabelled and oversized recordings and a missing file with a 4xx, storing and starting nothing', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const cases: [Uint8Array, string, string, number, string][] = [
      [new Uint8Array(0), 'empty.webm', 'audio/webm', 400, 'BAD_REQUEST'],
      [html, 'speech.webm', 'audio/webm', 400, 'BAD_REQUEST'],
      [await makePicture('png'), 'speech.ogg', 'audio/ogg', 400, 'BAD_REQUEST'],
      [Buffer.concat([WEBM, Buffer.alloc(10 * 1024 * 1024)]), 'long.webm', 'audio/webm', 413, 'PAYLOAD_TOO_LARGE'],
    ];
    const rows = await countMediaRows(api);
    const generations = await countRows(api.app, 'generations');
    const files = await filesUnder(dir);
    for (const [bytes, name, type, status, code] of cases) {
      const answer = await sendRecording(api.url, alice.accessToken, bytes, name, type);
      expect({ name, status: answer.status, code: answer.body?.code }).toEqual({ name, status, code });
      expect(answer.body.message.length).toBeGreaterThan(0);
    }
    const wrongField = new FormData();
    wrongField.append('audio', new Blob([WEBM]), 'speech.webm');
    expect((await fetch(`${api.url}/api/media/transcriptions`, { method: 'POST', body: wrongField, headers: { authorization: `Bearer ${alice.accessToken}` } })).status).toBe(400);
    const notMultipart = await http.post('/api/media/transcriptions', { token: alice.accessToken, body: { file: 'hello' } });
    expectError(notMultipart, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect((await fetch(`${api.url}/api/media/transcriptions`, { method: 'POST', body: new FormData() })).status).toBe(401);
    expect(await countMediaRows(api)).toBe(rows);
    expect(await countRows(api.app, 'generations')).toBe(generations);
    expect(await filesUnder(dir)).toEqual(files);
    expect(server.requests).toHaveLength(0);
  });
});

describe('speech input without a transcription provider', () => {
  let api: TestApp;
  let token: string;

  beforeAll(async () => {
    api = await startTestApp();
    token = (await registerUser(api.url, 'no-stt')).accessToken;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('says there is none, so clients use the browser’s speech recognition, and refuses recordings with 409, storing nothing', async () => {
    const capabilities = await httpClient(api.url).get<MediaCapabilities>('/api/media/capabilities', { token });
    expect(capabilities.body.transcription).toMatchObject({ provider: null, model: null });
    const rows = await countMediaRows(api);
    const answer = await sendRecording(api.url, token, WAV, 'voice.wav', 'audio/wav');
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
    expect(answer.body.message).toMatch(/no speech-to-text service/);
    expect(await countMediaRows(api)).toBe(rows);
  });
});
