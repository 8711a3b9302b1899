import type { AuthSession, QuotaStatus, StartRewriteResponse, Story, StoryBible } from '@storyos/contracts';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { startFakeOpenAiServer, streamAnswer, type FakeOpenAiServer } from './support/fake-openai-server';
import { waitForGeneration } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { countStoryRows, createStory, getStory, putOnCurrent, runPhase } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const headingsOf = (text: string | null | undefined): string[] => [...(text ?? '').matchAll(/^## (.+)$/gm)].map((match) => match[1]!);
const chapterBody = (text: string, index: number): string => (text.split(/^## .+$/m)[index + 1] ?? '').trim();
const OUTLINE = {
  chapters: [
    { title: 'The Winding Key', summary: 'Ada finds the key.' },
    { title: 'The Long Winter', summary: 'Bram steals it.' },
    { title: 'Spring', summary: 'The bells ring again.' },
  ],
};

/** Working on a part of a story: the bible, one chapter written again, alternatives for a selection — builtin engine, real worker. */
describe('stories: the bible, one chapter again and selection rewrites', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let writer: AuthSession;
  let other: AuthSession;
  let story: Story;

  const quotaUsed = async (): Promise<number> => (await http.get<QuotaStatus>('/api/auth/quota', { token: writer.accessToken })).body.used;

  beforeAll(async () => {
    api = await startTestApp();
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    writer = await registerUser(api.url, 'parts-writer');
    other = await registerUser(api.url, 'parts-other');
    story = await createStory(http, writer.accessToken, 'The Winding Key');
    await putOnCurrent(http, writer.accessToken, `/api/stories/${story.id}/premise`, { text: 'Ada Finch must win back the stolen winding key before winter swallows Brindle Hill.' });
    await putOnCurrent(http, writer.accessToken, `/api/stories/${story.id}/outline`, OUTLINE);
    await runPhase(http, writer.accessToken, story.id, 'start');
    await runPhase(http, writer.accessToken, story.id, 'continue');
    await runPhase(http, writer.accessToken, story.id, 'continue');
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  describe('the story bible', () => {
    it('starts empty, saves over the version it was opened on, and refuses a stale save with the bible as it is now', async () => {
      expect((await getStory(http, writer.accessToken, story.id)).body.bible).toEqual({ characters: '', setting: '', styleNotes: '', version: 0 });
      const saved = await http.send<StoryBible>('PUT', `/api/stories/${story.id}/bible`, { token: writer.accessToken, body: { characters: 'Ada: left-handed, never lies.', setting: 'Brindle Hill', styleNotes: 'Short sentences.', baseVersion: 0 } });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ characters: 'Ada: left-handed, never lies.', setting: 'Brindle Hill', styleNotes: 'Short sentences.', version: 1 });
      expect((await http.get<StoryBible>(`/api/stories/${story.id}/bible`, { token: writer.accessToken })).body.version).toBe(1);

      const stale = await http.send('PUT', `/api/stories/${story.id}/bible`, { token: writer.accessToken, body: { characters: 'Overwritten', setting: '', styleNotes: '', baseVersion: 0 } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current).toMatchObject({ characters: 'Ada: left-handed, never lies.', version: 1 });
      expect((await getStory(http, writer.accessToken, story.id)).body.bible.characters).toBe('Ada: left-handed, never lies.');
    });

    it('answers 400 for a malformed or oversized bible and 404 for someone else’s story, changing nothing', async () => {
      const url = `/api/stories/${story.id}/bible`;
      expectError(await http.send('PUT', url, { token: writer.accessToken, body: { characters: 'x', setting: '', styleNotes: '' } }), 400, 'VALIDATION_FAILED');
      expectError(await http.send('PUT', url, { token: writer.accessToken, body: { characters: 'x'.repeat(4001), setting: '', styleNotes: '', baseVersion: 1 } }), 400, 'VALIDATION_FAILED');
      expectError(await http.send('PUT', url, { token: writer.accessToken, body: { characters: 'x', setting: '', styleNotes: '', baseVersion: 1, extra: true } }), 400, 'VALIDATION_FAILED');
      expectError(await http.send('PUT', url, { token: other.accessToken, body: { characters: 'mine now', setting: '', styleNotes: '', baseVersion: 1 } }), 404, 'NOT_FOUND');
      expectError(await http.get(url, { token: other.accessToken }), 404, 'NOT_FOUND');
      expect((await getStory(http, writer.accessToken, story.id)).body.bible).toMatchObject({ characters: 'Ada: left-handed, never lies.', version: 1 });
    });
  });

  describe('writing one chapter again', () => {
    it('replaces that chapter only, as a new version, and leaves the chapters around it as they were', async () => {
      const before = (await getStory(http, writer.accessToken, story.id)).body.story!;
      const text = before.text ?? '';
      expect(headingsOf(text)).toEqual(OUTLINE.chapters.map((chapter) => chapter.title));

      const started = await http.post<{ generationId: string }>(`/api/stories/${story.id}/chapter`, { token: writer.accessToken, body: { chapterIndex: 1 } });
      expect(started.status).toBe(202);
      const busy = (await getStory(http, writer.accessToken, story.id)).body;
      if (busy.activeGenerationId) expect(busy).toMatchObject({ activePhase: 'chapter', activeChapterIndex: 1 });
      const generation = await waitForGeneration(http, writer.accessToken, started.body.generationId);
      expect(generation).toMatchObject({ kind: 'story.chapter', status: 'completed' });

      const after = await runPhaseSettled(http, writer.accessToken, story.id);
      const newText = after.story!.text ?? '';
      expect(after.story).toMatchObject({ version: before.version + 1, source: 'generated', generationId: generation.id });
      expect(headingsOf(newText)).toEqual(headingsOf(text));
      expect(chapterBody(newText, 0)).toBe(chapterBody(text, 0));
      expect(chapterBody(newText, 2)).toBe(chapterBody(text, 2));
      expect(chapterBody(newText, 1)).not.toBe(chapterBody(text, 1));
      expect(after).toMatchObject({ activeGenerationId: null, activePhase: null, activeChapterIndex: null });
    });

    it('answers 404 for a chapter the text does not have or someone else’s story, and 400 for a malformed index', async () => {
      const url = `/api/stories/${story.id}/chapter`;
      const rows = await countStoryRows(api.app, 'generations');
      expectError(await http.post(url, { token: writer.accessToken, body: { chapterIndex: 7 } }), 404, 'NOT_FOUND');
      expectError(await http.post(url, { token: other.accessToken, body: { chapterIndex: 0 } }), 404, 'NOT_FOUND');
      expectError(await http.post(url, { token: writer.accessToken, body: { chapterIndex: -1 } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(url, { token: writer.accessToken, body: { chapterIndex: 'one' } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(url, { token: writer.accessToken, body: {} }), 400, 'VALIDATION_FAILED');
      expect(await countStoryRows(api.app, 'generations')).toBe(rows);
    });
  });

  describe('rewriting a selection', () => {
    it('writes three alternatives for the selected words, counted once, and stores nothing in the story', async () => {
      const current = (await getStory(http, writer.accessToken, story.id)).body.story!;
      const text = current.text ?? '';
      const start = text.indexOf('\n\n') + 2;
      const end = text.indexOf('.', start + 20) + 1;
      const quota = await quotaUsed();
      const started = await http.post<StartRewriteResponse>(`/api/stories/${story.id}/rewrite`, {
        token: writer.accessToken,
        body: { kind: 'story', mode: 'expand', start, end, base: { id: current.id, revision: current.revision } },
      });
      expect(started.status).toBe(202);
      expect(started.body.selection).toBe(text.slice(start, end));
      expect(started.body.generationIds).toHaveLength(3);
      const alternatives = await Promise.all(started.body.generationIds.map((id) => waitForGeneration(http, writer.accessToken, id)));
      for (const alternative of alternatives) {
        expect(alternative).toMatchObject({ kind: 'story.rewrite', status: 'completed' });
        expect(alternative.text.length).toBeGreaterThan(started.body.selection.length);
      }
      expect(await quotaUsed()).toBe(quota + 1);
      const after = (await getStory(http, writer.accessToken, story.id)).body.story!;
      expect({ id: after.id, revision: after.revision, text: after.text }).toEqual({ id: current.id, revision: current.revision, text });

      // The pick is saved as an ordinary edit over the version the selection came from.
      const picked = `${text.slice(0, start)}${alternatives[1]!.text.trim()}${text.slice(end)}`;
      const saved = await http.send('PUT', `/api/stories/${story.id}/story`, { token: writer.accessToken, body: { text: picked, base: { id: current.id, revision: current.revision } } });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ source: 'edited', text: picked });
    });

    it('refuses a stale base (409), a selection past the text or of only spaces (400), malformed bodies (400) and others’ stories (404), starting nothing', async () => {
      const current = (await getStory(http, writer.accessToken, story.id)).body.story!;
      const url = `/api/stories/${story.id}/rewrite`;
      const base = { id: current.id, revision: current.revision };
      const rows = await countStoryRows(api.app, 'generations');
      const stale = await http.post(url, { token: writer.accessToken, body: { kind: 'story', mode: 'rewrite', start: 0, end: 10, base: { id: current.id, revision: current.revision + 5 } } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current).toMatchObject({ id: current.id, revision: current.revision });
      expectError(await http.post(url, { token: writer.accessToken, body: { kind: 'story', mode: 'rewrite', start: 0, end: (current.text ?? '').length + 1, base } }), 400, 'BAD_REQUEST');
      const gap = (current.text ?? '').indexOf('\n\n');
      expectError(await http.post(url, { token: writer.accessToken, body: { kind: 'story', mode: 'rewrite', start: gap, end: gap + 2, base } }), 400, 'BAD_REQUEST');
      expectError(await http.post(url, { token: writer.accessToken, body: { kind: 'story', mode: 'rewrite', start: 10, end: 5, base } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(url, { token: writer.accessToken, body: { kind: 'story', mode: 'poem', start: 0, end: 5, base } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(url, { token: writer.accessToken, body: { kind: 'story', mode: 'rewrite', start: 0, end: 5000, base } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(url, { token: writer.accessToken, body: { kind: 'outline', mode: 'rewrite', start: 0, end: 5, base } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(url, { token: writer.accessToken, body: { kind: 'story', mode: 'rewrite', start: 0, end: 5, base, alternatives: 9 } }), 400, 'VALIDATION_FAILED');
      expectError(await http.post(url, { token: other.accessToken, body: { kind: 'story', mode: 'rewrite', start: 0, end: 5, base } }), 404, 'NOT_FOUND');
      expect(await countStoryRows(api.app, 'generations')).toBe(rows);
    });
  });
});

/** The story once nothing is writing it. */
async function runPhaseSettled(http: HttpClient, token: string, id: string): Promise<Story> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const story = (await getStory(http, token, id)).body;
    if (story.activeGenerationId === null) return story;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`story ${id} is still being written`);
}

/** What a chat model is sent: the bible with every phase, and the passage and the text around it for a rewrite. */
describe('stories: what the model is asked', () => {
  let fake: FakeOpenAiServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let writer: AuthSession;

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    api = await startTestApp({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'fake-writer', LLM_MAX_RETRIES: '0', GENERATION_ATTEMPTS: '1', LLM_CONTEXT_TOKENS: '8192' });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    writer = await registerUser(api.url, 'prompt-writer');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await fake?.close();
  });

  const promptOf = (index: number): string => ((fake.requests[index]?.body['messages'] as { content: string }[] | undefined) ?? []).map((message) => message.content).join('\n');

  it('gives the premise prompt the story bible, and a rewrite the passage, the text around it and the bible', async () => {
    const story = await createStory(http, writer.accessToken, 'Bible Test');
    await http.send('PUT', `/api/stories/${story.id}/bible`, { token: writer.accessToken, body: { characters: 'Ada is afraid of bells.', setting: 'The bell tower has 99 steps.', styleNotes: 'Never use the word suddenly.', baseVersion: 0 } });
    fake.enqueue(streamAnswer({ deltas: ['Ada climbs', ' the tower.'] }));
    const premise = await runPhase(http, writer.accessToken, story.id, 'premise');
    expect(premise.generation?.status).toBe('completed');
    const premisePrompt = promptOf(fake.requests.length - 1);
    for (const note of ['Ada is afraid of bells.', 'The bell tower has 99 steps.', 'Never use the word suddenly.']) expect(premisePrompt).toContain(note);

    const saved = await putOnCurrent(http, writer.accessToken, `/api/stories/${story.id}/premise`, { text: 'Before the passage. Ada climbs the tower slowly. After the passage.' });
    const text = saved.body.text as string;
    const start = text.indexOf('Ada');
    const end = text.indexOf('slowly.') + 'slowly.'.length;
    fake.enqueue(streamAnswer({ deltas: ['Ada ran up.'] }));
    const asked = fake.requests.length;
    const started = await http.post<StartRewriteResponse>(`/api/stories/${story.id}/rewrite`, { token: writer.accessToken, body: { kind: 'premise', mode: 'shorten', start, end, base: { id: saved.body.id, revision: saved.body.revision }, alternatives: 1 } });
    expect(started.status).toBe(202);
    const alternative = await waitForGeneration(http, writer.accessToken, started.body.generationIds[0]!);
    expect(alternative).toMatchObject({ status: 'completed', text: 'Ada ran up.' });
    const rewritePrompt = promptOf(asked);
    expect(rewritePrompt).toContain('The passage:\nAda climbs the tower slowly.');
    expect(rewritePrompt).toContain('Text before the passage:\nBefore the passage.');
    expect(rewritePrompt).toContain('Text after the passage:\nAfter the passage.');
    expect(rewritePrompt).toContain('Shorten the passage');
    expect(rewritePrompt).toContain('Ada is afraid of bells.');
  });
});
