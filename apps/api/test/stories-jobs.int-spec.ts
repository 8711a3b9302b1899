import type { AuthSession, QuotaStatus, StoryJob, StoryJobResult } from '@storyos/contracts';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { startFakeOpenAiServer, streamAnswer, type FakeAnswer, type FakeOpenAiServer, type RecordedRequest } from './support/fake-openai-server';
import { waitForGeneration } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { createStory, getStory, putOnCurrent, runPhase, startPhase, THREE_CHAPTERS, waitForJob } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const OUTLINE_JSON = JSON.stringify({
  chapters: [
    { title: 'The Glass Lighthouse', summary: 'Ada climbs the lighthouse and finds its lamp dark.' },
    { title: 'Bram Returns', summary: 'Bram Holt comes back with the missing lens.' },
    { title: 'Light Over the Bay', summary: 'Together they light the lamp before the storm.' },
  ],
});

/** What a request asked, as one string: the system and user messages. */
const promptOf = (request: RecordedRequest): string => (request.body['messages'] as { content: string }[]).map((message) => message.content).join('\n');
const isPremise = (request: RecordedRequest): boolean => promptOf(request).includes('Write the premise of this story');
const isOutline = (request: RecordedRequest): boolean => promptOf(request).includes('Outline the story in');
const isChapter = (request: RecordedRequest): boolean => !isPremise(request) && !isOutline(request);
const chunks = (text: string): string[] => text.match(/\S+\s*/g) ?? [];

/** Whole-story jobs and the prompts each phase is asked with, against a scripted OpenAI-compatible provider and a real worker. */
describe('stories: prompts and whole-story jobs through a real worker', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let writer: AuthSession;
  const sockets: TestSocket[] = [];
  // Each kind of request has one answer at a time, swapped by the tests.
  let premiseAnswer: FakeAnswer;
  let outlineAnswer: FakeAnswer;
  let chapterAnswer: FakeAnswer;
  const fastPremise = streamAnswer({ deltas: chunks('Ada Finch must relight the glass lighthouse before the winter storm.'), finishReason: 'stop' });
  const fastOutline = streamAnswer({ deltas: chunks(OUTLINE_JSON), finishReason: 'stop' });
  const fastChapter = streamAnswer({ deltas: chunks('The wind rose over the bay. Ada held the rail and climbed on.'), finishReason: 'stop' });

  const requestsOf = (match: (request: RecordedRequest) => boolean): RecordedRequest[] => fake.requests.filter(match);
  const quotaUsed = async (): Promise<number> => (await http.get<QuotaStatus>('/api/auth/quota', { token: writer.accessToken })).body.used;

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    fake.route(isPremise, (res, req) => premiseAnswer(res, req));
    fake.route(isOutline, (res, req) => outlineAnswer(res, req));
    fake.route(isChapter, (res, req) => chapterAnswer(res, req));
    api = await startTestApp({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-model', LLM_MAX_RETRIES: '0', GENERATION_ATTEMPTS: '1', WORKER_CONCURRENCY: '2' });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    writer = await registerUser(api.url, 'job-writer');
  });

  beforeEach(() => {
    premiseAnswer = fastPremise;
    outlineAnswer = fastOutline;
    chapterAnswer = fastChapter;
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  const put = (path: string, body: object) => putOnCurrent(http, writer.accessToken, path, body);

  it('feeds every phase the current, hand-edited versions of the earlier ones', async () => {
    const story = await createStory(http, writer.accessToken, 'The Glass Lighthouse');
    await put(`/api/stories/${story.id}/premise`, { text: 'EDITED PREMISE: Ada Finch keeps a lighthouse made of sea glass.' });

    const outline = await runPhase(http, writer.accessToken, story.id, 'outline');
    expect(outline.response.status).toBe(202);
    expect(outline.generation).toMatchObject({ kind: 'story.outline', target: { type: 'story', id: story.id }, status: 'completed' });
    expect(promptOf(requestsOf(isOutline).at(-1)!)).toContain('EDITED PREMISE: Ada Finch keeps a lighthouse made of sea glass.');
    expect(outline.story.outline).toMatchObject({ source: 'generated', version: 1, generationId: outline.generation!.id });
    expect(outline.story.outline?.outline?.chapters.map((chapter) => chapter.title)).toEqual(['The Glass Lighthouse', 'Bram Returns', 'Light Over the Bay']);

    // The writer renames the first chapter by hand; the story start is asked with that name.
    const edited = JSON.parse(OUTLINE_JSON) as { chapters: { title: string; summary: string }[] };
    edited.chapters[0] = { title: 'EDITED CHAPTER: The Dark Lamp', summary: 'Ada finds the lamp cold and the keeper gone.' };
    await put(`/api/stories/${story.id}/outline`, edited);
    const start = await runPhase(http, writer.accessToken, story.id, 'start');
    const startPrompt = promptOf(requestsOf(isChapter).at(-1)!);
    expect(startPrompt).toContain('EDITED CHAPTER: The Dark Lamp');
    expect(startPrompt).toContain('EDITED PREMISE');
    expect(start.story.story?.text).toBe('## EDITED CHAPTER: The Dark Lamp\n\nThe wind rose over the bay. Ada held the rail and climbed on.');

    // A hand edit to the story text is what the next chapter continues from.
    await put(`/api/stories/${story.id}/story`, { text: `${start.story.story!.text}\n\nEDITED TEXT: a gull landed on the rail.` });
    const next = await runPhase(http, writer.accessToken, story.id, 'continue');
    expect(promptOf(requestsOf(isChapter).at(-1)!)).toContain('EDITED TEXT: a gull landed on the rail.');
    expect(next.story.story?.text).toBe(
      `## EDITED CHAPTER: The Dark Lamp\n\nThe wind rose over the bay. Ada held the rail and climbed on.\n\nEDITED TEXT: a gull landed on the rail.\n\n## Bram Returns\n\nThe wind rose over the bay. Ada held the rail and climbed on.`,
    );
  });

  it('asks once more, with what was wrong, for an outline it cannot read; then tells the writer and keeps the outline they had', async () => {
    const story = await createStory(http, writer.accessToken, 'Unreadable Outline');
    await put(`/api/stories/${story.id}/premise`, { text: 'A premise.' });
    await put(`/api/stories/${story.id}/outline`, { chapters: [{ title: 'Mine', summary: 'The outline I wrote by hand.' }] });
    outlineAnswer = streamAnswer({ deltas: chunks('Sorry, I would rather not outline this story today.'), finishReason: 'stop' });
    const before = requestsOf(isOutline).length;

    const { generation, story: after } = await runPhase(http, writer.accessToken, story.id, 'outline', { regenerate: true });

    expect(generation).toMatchObject({ status: 'failed', error: expect.stringMatching(/could not be read.*previous outline is kept/) });
    expect(after.outline?.outline?.chapters).toEqual([{ title: 'Mine', summary: 'The outline I wrote by hand.' }]);
    const asked = requestsOf(isOutline).slice(before);
    expect(asked).toHaveLength(2);
    // The second request shows the model its reply and what was wrong with it.
    expect(promptOf(asked[1]!)).toContain('Sorry, I would rather not outline this story today.');
    expect(promptOf(asked[1]!)).toMatch(/could not be used:\n- Could not read an outline/);
    expect(asked[0]!.body['response_format']).toMatchObject({ type: 'json_schema', json_schema: { name: 'story_outline' } });
  });

  it('reads the outline when the second try gets it right', async () => {
    const story = await createStory(http, writer.accessToken, 'Second Try Outline');
    await put(`/api/stories/${story.id}/premise`, { text: 'A premise.' });
    let asked = 0;
    outlineAnswer = (res, req) => (asked++ === 0 ? streamAnswer({ deltas: ['Here is my plan: first they meet, then they part.'], finishReason: 'stop' }) : fastOutline)(res, req);

    const { generation, story: after } = await runPhase(http, writer.accessToken, story.id, 'outline');

    expect(generation).toMatchObject({ status: 'completed' });
    expect(after.outline?.outline?.chapters.map((chapter) => chapter.title)).toEqual(['The Glass Lighthouse', 'Bram Returns', 'Light Over the Bay']);
  });

  it('runs one phase at a time per story and never a phase beside a whole-story job', async () => {
    chapterAnswer = streamAnswer({ deltas: chunks('slow '.repeat(60)), finishReason: 'stop', deltaDelayMs: 50 });
    premiseAnswer = streamAnswer({ deltas: chunks('slow '.repeat(60)), finishReason: 'stop', deltaDelayMs: 50 });
    const story = await createStory(http, writer.accessToken, 'Busy Story');
    const first = await startPhase(http, writer.accessToken, story.id, 'premise');
    expect(first.status).toBe(202);
    expect((await getStory(http, writer.accessToken, story.id)).body).toMatchObject({ activeGenerationId: first.body.generationId, activePhase: 'premise' });
    expectError(await startPhase(http, writer.accessToken, story.id, 'premise', { regenerate: true }), 409, 'CONFLICT');
    expectError(await http.post(`/api/stories/${story.id}/write`, { token: writer.accessToken }), 409, 'CONFLICT');
    await waitForGeneration(http, writer.accessToken, first.body.generationId!);

    premiseAnswer = fastPremise;
    const job = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    expect(job.status).toBe(202);
    expectError(await startPhase(http, writer.accessToken, story.id, 'outline', { regenerate: true }), 409, 'CONFLICT');
    expectError(await put(`/api/stories/${story.id}/premise`, { text: 'Not while the job runs.' }), 409, 'CONFLICT');
    await http.post(`/api/stories/${story.id}/jobs/${job.body.id}/cancel`, { token: writer.accessToken });
    await waitForJob(http, writer.accessToken, story.id, job.body.id);
  });

  it('writes the whole story as one job: progress events in order, stage names, the result, visible after a reload, one quota unit', async () => {
    const story = await createStory(http, writer.accessToken, 'Whole Lighthouse');
    const socket = await connectSocket(api.url, { token: writer.accessToken });
    sockets.push(socket);
    const events: StoryJob[] = [];
    socket.on('story:job', (event) => events.push(event));
    const usedBefore = await quotaUsed();

    const accepted = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ storyId: story.id, status: 'queued', progress: 0, error: null, completedAt: null });
    const done = await waitForJob(http, writer.accessToken, story.id, accepted.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, error: null });
    const mine = await eventually(async () => {
      const received = events.filter((event) => event.id === accepted.body.id);
      expect(received.at(-1)?.status).toBe('completed');
      return received;
    });

    const progress = mine.map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(100);
    const stages = [...new Set(mine.map((event) => event.stage))];
    expect(stages).toEqual(expect.arrayContaining(['premise', 'outline', 'chapter 1 of 3', 'chapter 2 of 3', 'chapter 3 of 3', 'finishing']));
    expect(stages.indexOf('premise')).toBeLessThan(stages.indexOf('outline'));
    expect(stages.indexOf('outline')).toBeLessThan(stages.indexOf('chapter 1 of 3'));
    expect(stages.indexOf('chapter 3 of 3')).toBeLessThan(stages.indexOf('finishing'));
    const rank = mine.map((event) => ['queued', 'running', 'completed'].indexOf(event.status));
    expect(rank).not.toContain(-1);
    expect(rank).toEqual([...rank].sort((a, b) => a - b));

    const reloaded = (await getStory(http, writer.accessToken, story.id)).body;
    expect(reloaded.job).toMatchObject({ id: accepted.body.id, status: 'completed', progress: 100 });
    expect(reloaded.premise?.text).toBe('Ada Finch must relight the glass lighthouse before the winter storm.');
    expect(reloaded.outline?.outline?.chapters).toHaveLength(3);
    expect(reloaded.story?.text?.match(/^## /gm)).toHaveLength(3);

    const result = await http.get<StoryJobResult>(`/api/stories/${story.id}/jobs/${accepted.body.id}/result`, { token: writer.accessToken });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ jobId: accepted.body.id, storyId: story.id, premise: reloaded.premise?.text, outline: reloaded.outline?.outline, text: reloaded.story?.text });
    // Five provider calls, one generation's worth of quota.
    expect(await quotaUsed()).toBe(usedBefore + 1);
  });

  it('reuses the current premise and outline and writes only the chapters', async () => {
    const story = await createStory(http, writer.accessToken, 'Reused Parts');
    await put(`/api/stories/${story.id}/premise`, { text: 'KEPT PREMISE about a lighthouse.' });
    await put(`/api/stories/${story.id}/outline`, { chapters: [{ title: 'Only Chapter', summary: 'Everything happens at once.' }] });
    const outlinesBefore = requestsOf(isOutline).length;
    const premisesBefore = requestsOf(isPremise).length;
    const job = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    expect((await waitForJob(http, writer.accessToken, story.id, job.body.id)).status).toBe('completed');
    expect(requestsOf(isOutline)).toHaveLength(outlinesBefore);
    expect(requestsOf(isPremise)).toHaveLength(premisesBefore);
    expect(promptOf(requestsOf(isChapter).at(-1)!)).toContain('KEPT PREMISE about a lighthouse.');
    const result = await http.get<StoryJobResult>(`/api/stories/${story.id}/jobs/${job.body.id}/result`, { token: writer.accessToken });
    expect(result.body).toMatchObject({ premise: 'KEPT PREMISE about a lighthouse.', outline: { chapters: [{ title: 'Only Chapter' }] } });
    expect(result.body.text.startsWith('## Only Chapter\n\n')).toBe(true);
  });

  it('refuses an autosave from an editor that still shows the text from before the whole story was written', async () => {
    const story = await createStory(http, writer.accessToken, 'Stale Editor');
    await put(`/api/stories/${story.id}/premise`, { text: 'KEPT PREMISE about a lighthouse.' });
    await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
    const start = await runPhase(http, writer.accessToken, story.id, 'start');
    const shown = start.story.story!;

    const job = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    expect((await waitForJob(http, writer.accessToken, story.id, job.body.id)).status).toBe('completed');
    const whole = (await getStory(http, writer.accessToken, story.id)).body.story!;
    expect(whole.text!.match(/^## /gm)).toHaveLength(3);

    // The editor typed a few words onto the chapter it still showed.
    const stale = await http.send('PUT', `/api/stories/${story.id}/story`, {
      token: writer.accessToken,
      body: { text: `${shown.text} And a few words more.`, base: { id: shown.id, revision: shown.revision } },
    });
    expectError(stale, 409, 'CONFLICT');
    expect(stale.body.details.current).toMatchObject({ id: whole.id, revision: whole.revision, text: whole.text });
    expect((await getStory(http, writer.accessToken, story.id)).body.story).toMatchObject({ id: whole.id, text: whole.text });
  });

  it('cancels a running job between chunks, keeping what it wrote', async () => {
    chapterAnswer = streamAnswer({ deltas: chunks('word '.repeat(400)), finishReason: 'stop', deltaDelayMs: 50 });
    const story = await createStory(http, writer.accessToken, 'Cancelled Lighthouse');
    const job = await http.post<StoryJob>(`/api/stories/${story.id}/write`, { token: writer.accessToken });
    // Wait until the first chapter is streaming.
    await eventually(
      async () => {
        const state = (await http.get<StoryJob>(`/api/stories/${story.id}/jobs/${job.body.id}`, { token: writer.accessToken })).body;
        expect(state.stage).toBe('chapter 1 of 3');
        expect(requestsOf(isChapter).some((request) => promptOf(request).includes('Cancelled Lighthouse'))).toBe(true);
      },
      { tries: 200, intervalMs: 50 },
    );
    const chapterRequest = requestsOf(isChapter).at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 600)); // let a few words of the chapter arrive

    const cancel = await http.post<StoryJob>(`/api/stories/${story.id}/jobs/${job.body.id}/cancel`, { token: writer.accessToken });
    expect(cancel.status).toBe(202);
    const cancelled = await waitForJob(http, writer.accessToken, story.id, job.body.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', stage: 'chapter 1 of 3', error: null });
    expect(cancelled.completedAt).not.toBeNull();
    await chapterRequest.closed;
    expect(chapterRequest.completedByServer).toBe(false); // the provider stream was abandoned, not read to the end

    const after = (await getStory(http, writer.accessToken, story.id)).body;
    expect(after.job).toMatchObject({ id: job.body.id, status: 'cancelled' });
    expect(after.premise).toMatchObject({ source: 'generated', text: 'Ada Finch must relight the glass lighthouse before the winter storm.' });
    expect(after.outline?.outline?.chapters).toHaveLength(3);
    // The partial first chapter is kept under its heading, shorter than the full reply.
    expect(after.story?.text).toMatch(/^## The Glass Lighthouse\n\n(word ?)+$/);
    expect(after.story!.text!.length).toBeLessThan('word '.repeat(400).length);
    expectError(await http.get(`/api/stories/${story.id}/jobs/${job.body.id}/result`, { token: writer.accessToken }), 409, 'CONFLICT');
    // Nothing holds the story any more.
    expect((await startPhase(http, writer.accessToken, story.id, 'premise', { regenerate: true })).status).toBe(202);
  });
});
