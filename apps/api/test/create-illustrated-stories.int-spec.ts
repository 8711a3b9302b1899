import type { AuthSession, IllustratedStory, IllustratedStoryAccepted, IllustratedStoryList, QuotaStatus } from '@storyos/contracts';
import { encodeWav } from '@storyos/domain';
import { DataSource } from 'typeorm';
import { registerUser } from './support/accounts';
import { eventually } from './support/eventually';
import { json, startFakeMediaServer, type FakeMediaServer } from './support/fake-media-server';
import { startFakeOpenAiServer, streamAnswer, type FakeAnswer, type FakeOpenAiServer, type RecordedRequest } from './support/fake-openai-server';
import { httpClient, type HttpClient } from './support/http';
import { gentleScene, waitForIllustrated } from './support/illustrated-helpers';
import { makePicture } from './support/media-helpers';
import { connectSocket, type TestSocket } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const promptOf = (request: RecordedRequest): string => (request.body['messages'] as { content: string }[]).map((message) => message.content).join('\n');
const sceneAsked = (request: RecordedRequest): number | null => Number(/Write scene (\d+) of \d+/.exec(promptOf(request))?.[1] ?? NaN) || null;
const tone = { sampleRate: 24_000, channels: [Float32Array.from({ length: 12_000 }, (_, index) => Math.sin(index / 8) * 0.3)] };
const DIRECT = { title: 'Pip Learns to Swim', prompt: 'A shy dragon called Pip learns to swim in the pond', style: 'fantasy', sceneCount: 3, ageBand: '4-6' } as const;

/**
 * Illustrated stories through real workers: one flow writes the scenes in
 * order (each seeing the story so far) and makes each finished scene's
 * picture and narration beside the next scene's text; statuses for the
 * story, each scene and each asset; a failed picture retried alone; a
 * worker killed mid-flow; stop.
 */
describe('illustrated stories as one flow, through real workers', () => {
  let text: FakeOpenAiServer;
  let images: FakeMediaServer;
  let speech: FakeMediaServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let owner: AuthSession;
  const sockets: TestSocket[] = [];
  /** Scripted answers per scene number; the default is a gentle scene. */
  let sceneAnswers = new Map<number, FakeAnswer[]>();

  beforeAll(async () => {
    text = await startFakeOpenAiServer();
    text.route(
      (request) => sceneAsked(request) !== null,
      (response, request) => {
        const n = sceneAsked(request)!;
        return (sceneAnswers.get(n)?.shift() ?? streamAnswer({ deltas: gentleScene(n).split(/(?<= )/), finishReason: 'stop' }))(response, request);
      },
    );
    const png = await makePicture('png', 64, 48);
    const wav = Buffer.from(encodeWav(tone));
    images = await startFakeMediaServer({ png, wav, transcript: '' });
    speech = await startFakeMediaServer({ png, wav, transcript: '' });
    api = await startTestApp({
      LLM_BASE_URL: text.baseUrl,
      LLM_MODEL: 'fake-model',
      LLM_MAX_RETRIES: '0',
      IMAGE_BASE_URL: images.baseUrl,
      IMAGE_API_KEY: 'test-key',
      IMAGE_MODEL: 'gpt-image-1',
      SPEECH_BASE_URL: speech.baseUrl,
      SPEECH_API_KEY: 'test-key',
      SPEECH_MODEL: 'tts-1',
      MEDIA_PROVIDER_MAX_RETRIES: '0',
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      GENERATION_BACKOFF_MS: '100',
    });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    owner = await registerUser(api.url, 'illustrated-owner');
  });

  afterEach(() => {
    sceneAnswers = new Map();
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await text?.close();
    await images?.close();
    await speech?.close();
  });

  const create = async (body: Record<string, unknown> = DIRECT, token = owner.accessToken) => {
    const accepted = await http.post<IllustratedStoryAccepted>('/api/illustrated-stories', { token, body });
    expect(accepted.status).toBe(202);
    return accepted.body.storyId;
  };
  const stepsOf = async (storyId: string): Promise<{ kind: string; status: string }[]> =>
    api.app.get(DataSource).query(`SELECT kind, status FROM generations WHERE target_id = $1 ORDER BY created_at, step_index`, [storyId]);
  const textRequestsFor = (title: string) => text.requests.filter((request) => sceneAsked(request) !== null && promptOf(request).includes(title));
  const imageRequestsFor = (title: string) => images.requests.filter((request) => request.path === '/v1/images/generations' && request.body.toString('utf8').includes(title));

  it('writes the scenes in order, each seeing the story so far, and gives every scene its picture and narration, with statuses and progress', async () => {
    const socket = await connectSocket(api.url, { token: owner.accessToken });
    sockets.push(socket);
    const updates: IllustratedStory[] = [];
    socket.on('illustrated-story:updated', (story) => updates.push(story));

    const storyId = await create();
    const story = await waitForIllustrated(http, owner.accessToken, storyId);
    expect(story).toMatchObject({ storyId, title: DIRECT.title, status: 'COMPLETED', progress: 100, stopped: false, error: null, sceneCount: 3 });
    expect(story.requirements).toMatchObject({ ageBand: '4-6', style: 'fantasy', sceneCount: 3, plot: DIRECT.prompt });
    expect(story.scenes.map((scene) => scene.sequence)).toEqual([1, 2, 3]);
    for (const scene of story.scenes) {
      expect(scene).toMatchObject({ status: 'COMPLETED', textStatus: 'COMPLETED', text: gentleScene(scene.sequence) });
      expect(scene.image).toMatchObject({ status: 'COMPLETED', error: null });
      expect(scene.narration).toMatchObject({ status: 'COMPLETED', error: null });
      expect(scene.imageUrl).toBe(`/api/media/${scene.image.parts[0]!.mediaId}`);
      expect(scene.audioUrl).toBe(`/api/illustrated-stories/${storyId}/scenes/${scene.sceneId}/audio`);
    }

    // Texts in order; each prompt carries the scenes before it.
    const asked = textRequestsFor(DIRECT.title);
    expect(asked.map(sceneAsked)).toEqual([1, 2, 3]);
    expect(promptOf(asked[1]!)).toContain(gentleScene(1));
    expect(promptOf(asked[2]!)).toContain(gentleScene(2));
    expect(promptOf(asked[2]!)).toContain(gentleScene(1));
    // Each picture is of its own scene, for the age band, in the style.
    const pictures = imageRequestsFor(DIRECT.title).map((request) => JSON.parse(request.body.toString('utf8')).prompt as string);
    expect(pictures).toHaveLength(3);
    for (const n of [1, 2, 3]) expect(pictures.some((prompt) => prompt.includes(`scene ${n} of a children’s story`) && prompt.includes(`Scene: Scene ${n}.`) && /fantasy/i.test(prompt) && /nothing frightening/i.test(prompt))).toBe(true);

    // The media answer to the owner's bearer token; the audio is the scene's pieces joined.
    const picture = await fetch(`${api.url}${story.scenes[0]!.imageUrl}`, { headers: { authorization: `Bearer ${owner.accessToken}` } });
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    const audio = await fetch(`${api.url}${story.scenes[0]!.audioUrl}`, { headers: { authorization: `Bearer ${owner.accessToken}` } });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const again = await fetch(`${api.url}${story.scenes[0]!.audioUrl}`, { headers: { authorization: `Bearer ${owner.accessToken}`, 'if-none-match': audio.headers.get('etag')! } });
    expect(again.status).toBe(304);

    // One step per part: three texts, three pictures, three narrations.
    const steps = await stepsOf(storyId);
    expect(steps.filter((step) => step.kind === 'create.scene')).toHaveLength(3);
    expect(steps.filter((step) => step.kind === 'create.scene.picture')).toHaveLength(3);
    expect(steps.filter((step) => step.kind === 'create.scene.narration')).toHaveLength(3);

    // Pushed as it went: a scene was readable while later ones were still to come, and progress only grew.
    await eventually(async () => expect(updates.at(-1)?.status).toBe('COMPLETED'));
    const mine = updates.filter((update) => update.storyId === storyId);
    expect(mine.some((update) => update.scenes[0]!.textStatus === 'COMPLETED' && update.scenes[2]!.textStatus !== 'COMPLETED')).toBe(true);
    const progress = mine.map((update) => update.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // Listed with its cover.
    const list = (await http.get<IllustratedStoryList>('/api/illustrated-stories', { token: owner.accessToken })).body;
    expect(list.items.find((item) => item.storyId === storyId)).toMatchObject({ title: DIRECT.title, status: 'COMPLETED', coverUrl: story.scenes[0]!.imageUrl });
  });

  it('retries a failed picture on its own: nothing else is made again', async () => {
    const title = 'The Picture That Failed';
    // The first picture asked for (scene 1's) is refused by the provider.
    images.enqueue(json(400, { error: { message: 'Your request was rejected by the safety system.', type: 'invalid_request_error' } }));
    const storyId = await create({ ...DIRECT, title });
    const failed = await waitForIllustrated(http, owner.accessToken, storyId);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/1 picture/);
    expect(failed.scenes[0]).toMatchObject({ status: 'FAILED', textStatus: 'COMPLETED', imageUrl: null });
    expect(failed.scenes[0]!.image.status).toBe('FAILED');
    expect(failed.scenes[0]!.image.error).toBeTruthy();
    expect(failed.scenes[0]!.narration.status).toBe('COMPLETED');
    for (const scene of failed.scenes.slice(1)) expect(scene.status).toBe('COMPLETED');
    const before = { texts: textRequestsFor(title).length, pictures: imageRequestsFor(title).length, speech: speech.requests.length, steps: (await stepsOf(storyId)).length };

    const retried = await http.post<IllustratedStoryAccepted>(`/api/illustrated-stories/${storyId}/scenes/${failed.scenes[0]!.sceneId}/retry`, { token: owner.accessToken });
    expect(retried.status).toBe(202);
    const done = await waitForIllustrated(http, owner.accessToken, storyId);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 100, error: null });
    expect(done.scenes[0]!.imageUrl).not.toBeNull();
    // Only the picture was made again: same texts, same narrations, one more picture request and one more step.
    expect(textRequestsFor(title)).toHaveLength(before.texts);
    expect(imageRequestsFor(title)).toHaveLength(before.pictures + 1);
    expect(speech.requests).toHaveLength(before.speech);
    const steps = await stepsOf(storyId);
    expect(steps).toHaveLength(before.steps + 1);
    expect(steps.at(-1)!.kind).toBe('create.scene.picture');
    for (const [index, scene] of done.scenes.entries()) if (index > 0) expect(scene.image.generationId).toBe(failed.scenes[index]!.image.generationId);

    // Nothing left to retry in it now.
    const nothing = await http.post(`/api/illustrated-stories/${storyId}/scenes/${failed.scenes[0]!.sceneId}/retry`, { token: owner.accessToken });
    expect(nothing.status).toBe(409);
  });

  it('finishes after a worker is killed with -9 mid-scene: every scene once, nothing duplicated', async () => {
    const title = 'The Worker That Died';
    sceneAnswers.set(2, [streamAnswer({ deltas: Array.from({ length: 40 }, (_, i) => `doomed${i} `), hangAfter: 5, deltaDelayMs: 20 })]);
    const storyId = await create({ ...DIRECT, title });
    await eventually(
      async () => {
        const story = (await http.get<IllustratedStory>(`/api/illustrated-stories/${storyId}`, { token: owner.accessToken })).body;
        const writing = story.scenes[1]!.textGenerationId;
        expect(writing).not.toBeNull();
        const generation = (await http.get(`/api/generations/${writing}`, { token: owner.accessToken })).body;
        expect(generation.text).toContain('doomed4');
      },
      { tries: 300, intervalMs: 50 },
    );

    worker.child.kill('SIGKILL');
    await worker.stop();
    worker = await startWorker(api.env);

    const story = await waitForIllustrated(http, owner.accessToken, storyId);
    expect(story.status).toBe('COMPLETED');
    expect(story.scenes.map((scene) => scene.text)).toEqual([gentleScene(1), gentleScene(2), gentleScene(3)]);
    const steps = await stepsOf(storyId);
    expect(steps.filter((step) => step.kind === 'create.scene')).toHaveLength(3);
    expect(steps.filter((step) => step.kind === 'create.scene.picture')).toHaveLength(3);
    expect(steps.filter((step) => step.kind === 'create.scene.narration')).toHaveLength(3);
    const [pictures] = await api.app.get(DataSource).query(`SELECT count(*)::int AS count FROM media_assets WHERE attached_type = 'illustrated-story' AND attached_id = $1 AND kind = 'image'`, [storyId]);
    expect(pictures.count).toBe(3);
  });

  it('stops: what was made stays, the rest reads FAILED as stopped, and a scene can be retried after', async () => {
    const title = 'The Story That Stopped';
    sceneAnswers.set(2, [streamAnswer({ deltas: Array.from({ length: 400 }, (_, i) => `slow${i} `), finishReason: 'stop', deltaDelayMs: 40 })]);
    const storyId = await create({ ...DIRECT, title });
    await eventually(
      async () => {
        const story = (await http.get<IllustratedStory>(`/api/illustrated-stories/${storyId}`, { token: owner.accessToken })).body;
        expect(story.scenes[1]!.textStatus).toBe('PROCESSING');
        expect(story.scenes[0]!.image.status).toBe('COMPLETED');
      },
      { tries: 300, intervalMs: 50 },
    );
    const stopped = await http.post<IllustratedStoryAccepted>(`/api/illustrated-stories/${storyId}/stop`, { token: owner.accessToken });
    expect(stopped.status).toBe(202);
    const story = await waitForIllustrated(http, owner.accessToken, storyId);
    expect(story).toMatchObject({ status: 'FAILED', stopped: true });
    expect(story.scenes[0]).toMatchObject({ status: 'COMPLETED', text: gentleScene(1) });
    expect(story.scenes[1]).toMatchObject({ textStatus: 'FAILED', text: '' });
    expect(story.scenes[2]).toMatchObject({ textStatus: 'FAILED', textError: 'Stopped before it was made.' });
    expect((await http.post(`/api/illustrated-stories/${storyId}/stop`, { token: owner.accessToken })).status).toBe(409);
    // Scene 3 follows on from scene 2, which has no text yet.
    const early = await http.post(`/api/illustrated-stories/${storyId}/scenes/${story.scenes[2]!.sceneId}/retry`, { token: owner.accessToken });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/Retry scene 2 first/);
    expect((await http.post(`/api/illustrated-stories/${storyId}/scenes/${story.scenes[1]!.sceneId}/retry`, { token: owner.accessToken })).status).toBe(202);
    const resumed = await waitForIllustrated(http, owner.accessToken, storyId);
    expect(resumed.scenes[1]).toMatchObject({ status: 'COMPLETED', text: gentleScene(2) });
    expect(resumed.scenes[2]!.textStatus).toBe('FAILED');
  });

  it('charges a guest’s allowance once for the whole story, and gives it back when the story fails', async () => {
    const guest = (await http.post<AuthSession>('/api/auth/guest')).body;
    const used = async () => (await http.get<QuotaStatus>('/api/auth/quota', { token: guest.accessToken })).body.used;
    expect(await used()).toBe(0);
    const made = await create({ ...DIRECT, title: 'A Guest Story' }, guest.accessToken);
    expect(await used()).toBe(1);
    expect((await waitForIllustrated(http, guest.accessToken, made)).status).toBe('COMPLETED');
    // Three texts, three pictures and three narrations later: still one.
    expect(await used()).toBe(1);

    images.enqueue(json(400, { error: { message: 'Your request was rejected by the safety system.', type: 'invalid_request_error' } }));
    const failed = await create({ ...DIRECT, title: 'A Guest Story That Fails' }, guest.accessToken);
    expect(await used()).toBe(2);
    expect((await waitForIllustrated(http, guest.accessToken, failed)).status).toBe('FAILED');
    await eventually(async () => expect(await used()).toBe(1));
  });

  it('deletes a story with its scenes, steps and media', async () => {
    const storyId = await create({ ...DIRECT, title: 'Gone Soon', sceneCount: 1 });
    const story = await waitForIllustrated(http, owner.accessToken, storyId);
    expect((await http.send('DELETE', `/api/illustrated-stories/${storyId}`, { token: owner.accessToken })).status).toBe(204);
    expect((await http.get(`/api/illustrated-stories/${storyId}`, { token: owner.accessToken })).status).toBe(404);
    expect((await fetch(`${api.url}${story.scenes[0]!.imageUrl}`, { headers: { authorization: `Bearer ${owner.accessToken}` } })).status).toBe(404);
    const [rows] = await api.app.get(DataSource).query(`SELECT (SELECT count(*)::int FROM illustrated_story_scenes WHERE story_id = $1) AS scenes, (SELECT count(*)::int FROM generation_flows WHERE target_id = $1) AS flows`, [storyId]);
    expect(rows).toEqual({ scenes: 0, flows: 0 });
  });
});
