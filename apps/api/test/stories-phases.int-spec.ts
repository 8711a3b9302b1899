import type { AuthSession, QuotaStatus, Story, StoryArtifact, StoryCacheStats, StoryJob, StoryJobResult } from '@storyos/contracts';
import { login, registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { waitForGeneration } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { countStoryRows, createStory, getStory, runPhase, startPhase, putOnCurrent, THREE_CHAPTERS, waitForJob } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const ADMIN = { email: 'stories-admin@example.test', password: 'stories admin pass 1' };
const headingsOf = (text: string | null | undefined): string[] => [...(text ?? '').matchAll(/^## (.+)$/gm)].map((match) => match[1]!);

/** The Writer's phases, the result cache and a whole-story job with the builtin engine and a real worker. */
describe('stories: phases and the result cache with the builtin engine', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let admin: AuthSession;
  let writer: AuthSession;
  const sockets: TestSocket[] = [];

  const put = (path: string, body: object, token = writer.accessToken) => putOnCurrent(http, token, path, body);
  const quotaUsed = async (): Promise<number> => (await http.get<QuotaStatus>('/api/auth/quota', { token: writer.accessToken })).body.used;
  const cacheStats = async (): Promise<StoryCacheStats> => {
    const response = await http.get<StoryCacheStats>('/api/admin/story-cache', { token: admin.accessToken });
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    api = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    admin = await login(api.url, ADMIN.email, ADMIN.password);
    writer = await registerUser(api.url, 'phase-writer');
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('writes premise → outline → start → continue twice, each as a new current version, keeping the earlier ones', async () => {
    const story = await createStory(http, writer.accessToken, 'The Clockmaker’s Winter');

    // No body at all is the same as {} (regenerate defaults to false).
    const premiseStarted = await http.post(`/api/stories/${story.id}/premise`, { token: writer.accessToken });
    expect(premiseStarted.status).toBe(202);
    expect(premiseStarted.body).toEqual({ generationId: expect.any(String), cached: false, artifact: null });
    await waitForGeneration(http, writer.accessToken, premiseStarted.body.generationId);
    await eventually(async () => expect((await getStory(http, writer.accessToken, story.id)).body.premise?.version).toBe(1));
    const premise = await runPhase(http, writer.accessToken, story.id, 'premise', { regenerate: true });
    expect(premise.generation).toMatchObject({ kind: 'story.premise', status: 'completed', provider: 'builtin' });
    expect(premise.story.premise).toMatchObject({ kind: 'premise', source: 'generated', generationId: premise.generation!.id, isCurrent: true, version: 2 });
    expect(premise.story.premise?.text?.trim().length).toBeGreaterThan(20);
    expect(premise.story.phase).toBe('premise');

    const outline = await runPhase(http, writer.accessToken, story.id, 'outline');
    expect(outline.response.status).toBe(202);
    const chapters = outline.story.outline?.outline?.chapters ?? [];
    expect(chapters.length).toBeGreaterThanOrEqual(2);
    expect(chapters.every((chapter) => chapter.title.length > 0 && chapter.summary.length > 0)).toBe(true);
    expect(outline.story.phase).toBe('outline');

    const start = await runPhase(http, writer.accessToken, story.id, 'start');
    const startText = start.story.story?.text ?? '';
    expect(headingsOf(startText)).toEqual([chapters[0]!.title]);
    expect(start.story).toMatchObject({ phase: 'writing', story: { version: 1, source: 'generated' } });
    expect(start.story.wordCount).toBeGreaterThan(20);

    const second = await runPhase(http, writer.accessToken, story.id, 'continue');
    const secondText = second.story.story?.text ?? '';
    expect(secondText.startsWith(`${startText}\n\n## ${chapters[1]!.title}\n\n`)).toBe(true);
    const third = await runPhase(http, writer.accessToken, story.id, 'continue');
    const thirdText = third.story.story?.text ?? '';
    expect(thirdText.startsWith(`${secondText}\n\n## `)).toBe(true);
    expect(headingsOf(thirdText)).toHaveLength(3);
    expect(third.story.wordCount).toBeGreaterThan(second.story.wordCount);

    const versions = await http.get<StoryArtifact[]>(`/api/stories/${story.id}/versions?kind=story`, { token: writer.accessToken });
    expect(versions.body.map((version) => [version.version, version.isCurrent])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(versions.body.map((version) => version.text)).toEqual([thirdText, secondText, startText]);
    expect((await http.get<StoryArtifact[]>(`/api/stories/${story.id}/versions?kind=premise`, { token: writer.accessToken })).body).toHaveLength(2);

    // Back to the first chapter only: the next continue writes chapter 2 again, from there.
    const restored = await http.post<Story>(`/api/stories/${story.id}/versions/${versions.body[2]!.id}/current`, { token: writer.accessToken });
    expect(restored.body.story).toMatchObject({ version: 1, text: startText, isCurrent: true });
    const again = await runPhase(http, writer.accessToken, story.id, 'continue', { regenerate: true });
    expect(again.story.story).toMatchObject({ version: 4 });
    expect(headingsOf(again.story.story?.text)).toEqual([chapters[0]!.title, chapters[1]!.title]);
  });

  describe('result cache', () => {
    const TITLE = 'Cache of the Clockmaker';

    it('answers an identical request from the cache: 200, a new version from the cache, no generation, no quota', async () => {
      expect((await http.send('DELETE', '/api/admin/story-cache', { token: admin.accessToken })).status).toBe(204);
      expect(await cacheStats()).toEqual({ entries: 0, hits: 0, misses: 0, hitRate: 0, memoryBytes: 0 });

      const first = await createStory(http, writer.accessToken, TITLE);
      const written = await runPhase(http, writer.accessToken, first.id, 'premise');
      expect(written.response.status).toBe(202); // a miss
      const premise = written.story.premise!.text;

      // Another story with the same title and setup asks the same question.
      const second = await createStory(http, writer.accessToken, TITLE);
      const usedBefore = await quotaUsed();
      const cached = await startPhase(http, writer.accessToken, second.id, 'premise');
      expect(cached.status).toBe(200);
      expect(cached.body).toMatchObject({ generationId: null, cached: true, artifact: { kind: 'premise', source: 'cache', text: premise, version: 1, isCurrent: true, generationId: null } });
      expect(await countStoryRows(api.app, 'generations', 'target_id = $1', [second.id])).toBe(0);
      expect(await quotaUsed()).toBe(usedBefore);
      expect((await getStory(http, writer.accessToken, second.id)).body.premise?.text).toBe(premise);

      const stats = await cacheStats();
      expect(stats).toMatchObject({ entries: 1, hits: 1, misses: 1, hitRate: 0.5 });
      expect(stats.memoryBytes).toBeGreaterThan(0);
    });

    it('bypasses the cache with regenerate, and the fresh result replaces the cached one', async () => {
      const story = await createStory(http, writer.accessToken, TITLE);
      const before = await cacheStats();
      const fresh = await runPhase(http, writer.accessToken, story.id, 'premise', { regenerate: true });
      expect(fresh.response.status).toBe(202);
      expect(fresh.generation?.status).toBe('completed');
      expect(await cacheStats()).toMatchObject({ hits: before.hits, misses: before.misses }); // a bypass is neither

      const other = await createStory(http, writer.accessToken, TITLE);
      const cached = await startPhase(http, writer.accessToken, other.id, 'premise');
      expect(cached.status).toBe(200);
      expect(cached.body.artifact.text).toBe(fresh.story.premise?.text);
    });

    it('caches every phase, keyed by the earlier artifacts: an edited premise is a miss', async () => {
      const a = await createStory(http, writer.accessToken, 'Keyed Outline');
      await put(`/api/stories/${a.id}/premise`, { text: 'Ada Finch must wind the great clock before the snow buries Brindle Hill.' });
      const written = await runPhase(http, writer.accessToken, a.id, 'outline');
      expect(written.response.status).toBe(202);

      const b = await createStory(http, writer.accessToken, 'Keyed Outline');
      await put(`/api/stories/${b.id}/premise`, { text: 'Ada Finch must wind the great clock before the snow buries Brindle Hill.' });
      const hit = await startPhase(http, writer.accessToken, b.id, 'outline');
      expect(hit.status).toBe(200);
      expect(hit.body.artifact).toMatchObject({ kind: 'outline', source: 'cache', outline: written.story.outline?.outline, text: null });

      await put(`/api/stories/${b.id}/premise`, { text: 'Something else entirely: Bram Holt steals the clock.' });
      const miss = await startPhase(http, writer.accessToken, b.id, 'outline');
      expect(miss.status).toBe(202);
      const generation = await waitForGeneration(http, writer.accessToken, miss.body.generationId);
      expect(generation).toMatchObject({ kind: 'story.outline', status: 'completed' });
      await eventually(async () => expect((await getStory(http, writer.accessToken, b.id)).body.outline?.generationId).toBe(generation.id));
    });

    it('serves a story start and a continue from the cache exactly as they were written, chapter headings included', async () => {
      const premise = { text: 'Ada Finch must wind the great clock before the snow buries Brindle Hill.' };
      const prepared = async () => {
        const story = await createStory(http, writer.accessToken, 'Cached Chapters');
        await put(`/api/stories/${story.id}/premise`, premise);
        await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
        return story;
      };
      const a = await prepared();
      const start = await runPhase(http, writer.accessToken, a.id, 'start');
      const continued = await runPhase(http, writer.accessToken, a.id, 'continue');
      expect([start.response.status, continued.response.status]).toEqual([202, 202]);
      expect([start.generation?.finishReason, continued.generation?.finishReason]).toEqual(['stop', 'stop']); // cut-off chapters are not cached

      const b = await prepared();
      const cachedStart = await startPhase(http, writer.accessToken, b.id, 'start');
      expect(cachedStart.status).toBe(200);
      expect(cachedStart.body.artifact).toMatchObject({ kind: 'story', source: 'cache', text: start.story.story?.text });
      expect(headingsOf(cachedStart.body.artifact.text)).toEqual([THREE_CHAPTERS.chapters[0]!.title]);
      const cachedContinue = await startPhase(http, writer.accessToken, b.id, 'continue');
      expect(cachedContinue.status).toBe(200);
      expect(cachedContinue.body.artifact).toMatchObject({ kind: 'story', source: 'cache', text: continued.story.story?.text });
      expect(headingsOf(cachedContinue.body.artifact.text)).toEqual(THREE_CHAPTERS.chapters.slice(0, 2).map((chapter) => chapter.title));
    });

    it('is for admins only, and clearing empties it and resets the counters', async () => {
      expectError(await http.get('/api/admin/story-cache', { token: writer.accessToken }), 403, 'FORBIDDEN');
      expectError(await http.send('DELETE', '/api/admin/story-cache', { token: writer.accessToken }), 403, 'FORBIDDEN');
      expect((await cacheStats()).entries).toBeGreaterThan(0);

      expect((await http.send('DELETE', '/api/admin/story-cache', { token: admin.accessToken })).status).toBe(204);
      expect(await cacheStats()).toEqual({ entries: 0, hits: 0, misses: 0, hitRate: 0, memoryBytes: 0 });
      const story = await createStory(http, writer.accessToken, TITLE);
      expect((await startPhase(http, writer.accessToken, story.id, 'premise')).status).toBe(202);
      expect(await cacheStats()).toMatchObject({ hits: 0, misses: 1 });
    });
  });

  it('writes the whole story with the builtin engine, reporting progress on the socket until completed', async () => {
    const story = await createStory(http, writer.accessToken, 'The Whole Winter');
    const socket = await connectSocket(api.url, { token: writer.accessToken });
    sockets.push(socket);
    const events: StoryJob[] = [];
    socket.on('story:job', (event) => events.push(event));

    const accepted = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    expect(accepted.status).toBe(202);
    const done = await waitForJob(http, writer.accessToken, story.id, accepted.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });

    const after = (await getStory(http, writer.accessToken, story.id)).body;
    const total = after.outline!.outline!.chapters.length;
    expect(headingsOf(after.story?.text)).toEqual(after.outline!.outline!.chapters.map((chapter) => chapter.title));
    // The socket's last event may still be on its way when the poll already reads the job as completed.
    const mine = await eventually(async () => {
      const received = events.filter((event) => event.id === accepted.body.id);
      expect(received.at(-1)).toMatchObject({ status: 'completed', progress: 100 });
      return received;
    });
    const progress = mine.map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(mine.map((event) => event.stage))).toEqual(new Set(['queued', 'premise', 'outline', ...Array.from({ length: total }, (_, i) => `chapter ${i + 1} of ${total}`), 'finishing']));

    const result = await http.get<StoryJobResult>(`/api/stories/${story.id}/jobs/${accepted.body.id}/result`, { token: writer.accessToken });
    expect(result.body).toEqual({ jobId: accepted.body.id, storyId: story.id, premise: after.premise?.text, outline: after.outline?.outline, text: after.story?.text });
  });
});
