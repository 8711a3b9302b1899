import type { AuthSession, StoryArtifact, StoryJob, StreamEntry } from '@storyos/contracts';
import { followEntries, StreamAssembler } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import { registerUser } from './support/accounts';
import { eventually } from './support/eventually';
import { startFakeOpenAiServer, streamAnswer, type FakeAnswer, type FakeOpenAiServer, type RecordedRequest } from './support/fake-openai-server';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { createStory, getStory, putOnCurrent, waitForJob } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const OUTLINE = {
  chapters: [
    { title: 'The Glass Lighthouse', summary: 'Ada climbs the lighthouse and finds its lamp dark.' },
    { title: 'Bram Returns', summary: 'Bram Holt comes back with the missing lens.' },
    { title: 'Light Over the Bay', summary: 'Together they light the lamp before the storm.' },
  ],
};
const promptOf = (request: RecordedRequest): string => (request.body['messages'] as { content: string }[]).map((message) => message.content).join('\n');
const words = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i} `);

/**
 * "Write the whole story" is a flow: every chapter is an ordinary generation
 * (streamed live, stoppable, retried after a worker dies), progress comes
 * from the finished steps, and a worker killed mid-chapter leaves exactly
 * one clean set of artifacts.
 */
describe('the whole story as a flow of generations, through real workers', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let writer: AuthSession;
  const sockets: TestSocket[] = [];
  /** Answers per chapter, in order of requests; the default is a short complete chapter. */
  let chapterAnswers: FakeAnswer[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    fake.route((request) => promptOf(request).includes('Write the premise of this story'), streamAnswer({ deltas: ['Ada must light the lamp.'], finishReason: 'stop' }));
    fake.route(
      (request) => !promptOf(request).includes('Write the premise of this story'),
      (response, request) => (chapterAnswers.shift() ?? streamAnswer({ deltas: words(6, 'plain'), finishReason: 'stop' }))(response, request),
    );
    api = await startTestApp({
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'fake-model',
      LLM_MAX_RETRIES: '0',
      // A killed worker's step is taken over within seconds.
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      GENERATION_BACKOFF_MS: '100',
    });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    writer = await registerUser(api.url, 'flow-writer');
  });

  afterEach(() => {
    chapterAnswers = [];
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  /** A story with its premise and outline, so the job writes the three chapters. */
  const readyStory = async (title: string) => {
    const story = await createStory(http, writer.accessToken, title);
    await putOnCurrent(http, writer.accessToken, `/api/stories/${story.id}/premise`, { text: 'Ada must light the lamp before the storm.' });
    await putOnCurrent(http, writer.accessToken, `/api/stories/${story.id}/outline`, OUTLINE);
    return story;
  };
  const listen = async () => {
    const socket = await connectSocket(api.url, { token: writer.accessToken });
    sockets.push(socket);
    const jobs: StoryJob[] = [];
    const started: { generationId: string; kind: string }[] = [];
    const entries = new Map<string, StreamEntry[]>();
    socket.on('story:job', (job) => jobs.push(job));
    socket.on('generation:started', (event) => started.push(event));
    followEntries(socket, ({ generationId, entry }) => entries.set(generationId, [...(entries.get(generationId) ?? []), entry]));
    return { jobs, started, entries };
  };
  const versions = async (storyId: string, kind: 'premise' | 'outline' | 'story'): Promise<StoryArtifact[]> =>
    (await http.get<StoryArtifact[]>(`/api/stories/${storyId}/versions?kind=${kind}`, { token: writer.accessToken })).body;

  it('streams every chapter live as its own generation, with progress that only grows', async () => {
    const story = await readyStory('Live Chapters');
    const heard = await listen();
    const accepted = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    expect(accepted.status).toBe(202);
    const done = await waitForJob(http, writer.accessToken, story.id, accepted.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, generationId: null });

    const steps = await eventually(async () => {
      const list = heard.started.filter((event) => event.kind === 'story.whole.chapter');
      expect(list).toHaveLength(3);
      for (const step of list) expect(heard.entries.get(step.generationId)?.some((entry) => entry.type === 'end')).toBe(true);
      return list;
    });
    // Each chapter's words arrived as deltas on the socket, and they are the chapter in the story.
    const text = (await getStory(http, writer.accessToken, story.id)).body.story!.text!;
    for (const step of steps) {
      const assembler = new StreamAssembler();
      heard.entries.get(step.generationId)!.forEach((entry) => assembler.push(entry));
      expect(assembler.state().text.trim().length).toBeGreaterThan(0);
      expect(text).toContain(assembler.state().text.trim());
    }
    // While a chapter ran, the job named it as the step to follow.
    const mine = heard.jobs.filter((job) => job.id === accepted.body.id);
    expect(mine.filter((job) => job.generationId !== null).map((job) => job.generationId)).toEqual(expect.arrayContaining(steps.map((step) => step.generationId)));
    const progress = mine.map((job) => job.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Three chapters, one story version; premise and outline kept as they were.
    expect(await versions(story.id, 'story')).toHaveLength(1);
    expect(await versions(story.id, 'premise')).toHaveLength(1);
    expect(text.match(/^## /gm)).toHaveLength(3);
  });

  it('stops when its writing step is stopped: the job reads cancelled and keeps the chapters before and the words so far', async () => {
    chapterAnswers = [streamAnswer({ deltas: words(6, 'one'), finishReason: 'stop' }), streamAnswer({ deltas: words(400, 'slow'), finishReason: 'stop', deltaDelayMs: 40 })];
    const story = await readyStory('Stopped Midway');
    const accepted = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    const second = await eventually(
      async () => {
        const job = (await http.get<StoryJob>(`/api/stories/${story.id}/jobs/${accepted.body.id}`, { token: writer.accessToken })).body;
        expect(job.stage).toBe('chapter 2 of 3');
        expect(job.generationId).not.toBeNull();
        const generation = (await http.get(`/api/generations/${job.generationId}`, { token: writer.accessToken })).body;
        expect(generation.text.length).toBeGreaterThan(0);
        return job.generationId!;
      },
      { tries: 200, intervalMs: 50 },
    );
    expect((await http.post(`/api/generations/${second}/stop`, { token: writer.accessToken })).status).toBe(202);

    const ended = await waitForJob(http, writer.accessToken, story.id, accepted.body.id);
    expect(ended.status).toBe('cancelled');
    const text = (await getStory(http, writer.accessToken, story.id)).body.story!.text!;
    expect(text).toMatch(/^## The Glass Lighthouse\n\none0 /);
    expect(text).toMatch(/## Bram Returns\n\nslow0( slow\d+)*$/);
    expect(text).not.toContain('Light Over the Bay');
    expect((await getStory(http, writer.accessToken, story.id)).body.activeGenerationId).toBeNull();
  });

  it('survives a worker killed with -9 mid-chapter: the chapter is written again, and the job leaves exactly one clean set of artifacts', async () => {
    chapterAnswers = [
      streamAnswer({ deltas: words(6, 'first'), finishReason: 'stop' }),
      // Chapter 2 hangs after a few words: the worker dies holding it.
      streamAnswer({ deltas: words(30, 'doomed'), hangAfter: 5, deltaDelayMs: 20 }),
      streamAnswer({ deltas: words(6, 'second'), finishReason: 'stop' }),
      streamAnswer({ deltas: words(6, 'third'), finishReason: 'stop' }),
    ];
    const story = await readyStory('Killed Worker');
    const heard = await listen();
    const accepted = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    const doomed = await eventually(
      async () => {
        const job = (await http.get<StoryJob>(`/api/stories/${story.id}/jobs/${accepted.body.id}`, { token: writer.accessToken })).body;
        expect(job.stage).toBe('chapter 2 of 3');
        const generation = (await http.get(`/api/generations/${job.generationId}`, { token: writer.accessToken })).body;
        expect(generation.text).toContain('doomed4');
        return job.generationId!;
      },
      { tries: 300, intervalMs: 50 },
    );

    worker.child.kill('SIGKILL');
    await worker.stop();
    worker = await startWorker(api.env);

    const done = await waitForJob(http, writer.accessToken, story.id, accepted.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    const text = (await getStory(http, writer.accessToken, story.id)).body.story!.text!;
    expect(text.match(/^## /gm)).toHaveLength(3);
    expect(text).not.toContain('doomed');
    expect(text).toContain('second0');
    // One new story version, no extra or partial one beside it; one generation per chapter.
    expect(await versions(story.id, 'story')).toHaveLength(1);
    const [row] = await api.app.get(DataSource).query(`SELECT count(*)::int AS steps FROM generations WHERE flow_id = $1`, [accepted.body.id]);
    expect(row.steps).toBe(3);
    // The readers of the killed chapter were told to drop its partial text; progress never went back.
    await eventually(async () => expect(heard.entries.get(doomed)?.some((entry) => entry.type === 'reset')).toBe(true));
    const progress = heard.jobs.filter((job) => job.id === accepted.body.id).map((job) => job.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
