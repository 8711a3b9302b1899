import { getQueueToken } from '@nestjs/bullmq';
import { QUEUE_NAMES, type AuthSession, type Story, type StoryArtifact } from '@storyos/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { httpClient, type HttpClient } from './support/http';
import { countStoryRows, createStory, getStory, putOnCurrent, readZipEntry, startPhase, storySetup, THREE_CHAPTERS } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** Story projects, hand edits, versions, export, bad input and other users — no worker needed. */
describe('stories: projects, edits and export', () => {
  let api: TestApp;
  let http: HttpClient;
  let alice: AuthSession;
  let bob: AuthSession;

  beforeAll(async () => {
    api = await startTestApp();
    http = httpClient(api.url);
    alice = await registerUser(api.url, 'alice-writer');
    bob = await registerUser(api.url, 'bob-writer');
  });

  afterAll(async () => {
    await api.close();
  });

  const put = (path: string, body: object, token = alice.accessToken) => putOnCurrent(http, token, path, body);

  describe('projects', () => {
    it('creates a story from a title and setup, with no artifacts yet, and loads it back', async () => {
      const created = await http.post<Story>('/api/stories', { token: alice.accessToken, body: { title: '  The Winding Key ', setup: storySetup({ plotElements: undefined }) } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ title: 'The Winding Key', phase: 'setup', wordCount: 0, premise: null, outline: null, story: null, activeGenerationId: null, job: null });
      expect(created.body.setup).toEqual({ ...storySetup(), plotElements: '' });
      expect((await getStory(http, alice.accessToken, created.body.id)).body).toEqual(created.body);
    });

    it('lists only my stories, most recently worked on first, page by page', async () => {
      const carol = await registerUser(api.url, 'carol-writer');
      const first = await createStory(http, carol.accessToken, 'First');
      const second = await createStory(http, carol.accessToken, 'Second');
      const third = await createStory(http, carol.accessToken, 'Third');
      await createStory(http, bob.accessToken, 'Not Carol’s');
      // Working on the oldest one brings it to the top.
      await put(`/api/stories/${first.id}/premise`, { text: 'A premise for the first story.' }, carol.accessToken);

      const page1 = await http.get(`/api/stories?page=1&pageSize=2`, { token: carol.accessToken });
      expect(page1.status).toBe(200);
      expect({ total: page1.body.total, page: page1.body.page, pageSize: page1.body.pageSize }).toEqual({ total: 3, page: 1, pageSize: 2 });
      expect(page1.body.items.map((item: Story) => item.id)).toEqual([first.id, third.id]);
      expect(page1.body.items[0]).toMatchObject({ title: 'First', phase: 'premise', persona: 'Fantasy World Builder' });
      const page2 = await http.get(`/api/stories?page=2&pageSize=2`, { token: carol.accessToken });
      expect(page2.body.items.map((item: Story) => item.id)).toEqual([second.id]);
    });

    it('renames, changes the setup, and deletes', async () => {
      const story = await createStory(http, alice.accessToken);
      const patched = await http.send('PATCH', `/api/stories/${story.id}`, { token: alice.accessToken, body: { title: 'Key of Winter', setup: storySetup({ tone: 'Dark' }) } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ title: 'Key of Winter', setup: { tone: 'Dark' } });
      expect((await http.send('DELETE', `/api/stories/${story.id}`, { token: alice.accessToken })).status).toBe(204);
      expectError(await getStory(http, alice.accessToken, story.id), 404, 'NOT_FOUND');
      expect(await countStoryRows(api.app, 'stories', 'id = $1', [story.id])).toBe(0);
    });

    it('duplicates the setup and the current premise, outline and text into a new story', async () => {
      const story = await createStory(http, alice.accessToken, 'Original');
      await put(`/api/stories/${story.id}/premise`, { text: 'Ada must find the key before the bells freeze for good.' });
      await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
      await put(`/api/stories/${story.id}/story`, { text: '## The Frozen Bells\n\nAda woke to silence.' });

      const copy = await http.post<Story>(`/api/stories/${story.id}/duplicate`, { token: alice.accessToken });
      expect(copy.status).toBe(201);
      expect(copy.body.id).not.toBe(story.id);
      expect(copy.body).toMatchObject({ title: 'Original (copy)', setup: storySetup(), phase: 'writing' });
      expect(copy.body.premise).toMatchObject({ text: 'Ada must find the key before the bells freeze for good.', version: 1, isCurrent: true });
      expect(copy.body.outline?.outline).toEqual(THREE_CHAPTERS);
      expect(copy.body.story?.text).toBe('## The Frozen Bells\n\nAda woke to silence.');
      expect(copy.body.wordCount).toBeGreaterThan(0);
      // The copy is its own: editing it leaves the original alone.
      await put(`/api/stories/${copy.body.id}/premise`, { text: 'A different premise.' });
      expect((await getStory(http, alice.accessToken, story.id)).body.premise?.text).toBe('Ada must find the key before the bells freeze for good.');
    });
  });

  describe('hand edits and versions', () => {
    it('autosaves into one edited version while it is recent, and starts a new version after that', async () => {
      const story = await createStory(http, alice.accessToken);
      const first = await put(`/api/stories/${story.id}/premise`, { text: 'Draft one.' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ kind: 'premise', version: 1, source: 'edited', text: 'Draft one.', isCurrent: true, outline: null });
      const second = await put(`/api/stories/${story.id}/premise`, { text: 'Draft one, improved.' });
      expect(second.body).toMatchObject({ id: first.body.id, version: 1, text: 'Draft one, improved.' });
      expect((await http.get(`/api/stories/${story.id}/versions?kind=premise`, { token: alice.accessToken })).body).toHaveLength(1);

      // The edited version was made long ago: the next save is a new version and the old one is kept.
      await api.app.get(DataSource).query(`UPDATE story_artifacts SET created_at = now() - interval '10 minutes' WHERE id = $1`, [first.body.id]);
      const third = await put(`/api/stories/${story.id}/premise`, { text: 'Draft two.' });
      expect(third.body).toMatchObject({ version: 2, source: 'edited', isCurrent: true });
      const versions = await http.get<StoryArtifact[]>(`/api/stories/${story.id}/versions?kind=premise`, { token: alice.accessToken });
      expect(versions.body.map((v) => [v.version, v.text, v.isCurrent])).toEqual([
        [2, 'Draft two.', true],
        [1, 'Draft one, improved.', false],
      ]);
    });

    it('refuses a save made on an older revision with 409 and the current text, and writes nothing', async () => {
      const story = await createStory(http, alice.accessToken);
      const first = await http.send('PUT', `/api/stories/${story.id}/premise`, { token: alice.accessToken, body: { text: 'Draft one.', base: null } });
      expect(first.body).toMatchObject({ version: 1, revision: 1 });
      const second = await http.send('PUT', `/api/stories/${story.id}/premise`, { token: alice.accessToken, body: { text: 'Draft one, from tab A.', base: { id: first.body.id, revision: 1 } } });
      expect(second.body).toMatchObject({ id: first.body.id, revision: 2, text: 'Draft one, from tab A.' });

      // Tab B still shows revision 1: its save must not overwrite tab A's text.
      const stale = await http.send('PUT', `/api/stories/${story.id}/premise`, { token: alice.accessToken, body: { text: 'Draft one, from tab B.', base: { id: first.body.id, revision: 1 } } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.message).toMatch(/changed elsewhere/);
      expect(stale.body.details.current).toMatchObject({ id: first.body.id, revision: 2, text: 'Draft one, from tab A.' });
      // A save that started from nothing, while a version exists, is just as stale.
      expectError(await http.send('PUT', `/api/stories/${story.id}/premise`, { token: alice.accessToken, body: { text: 'From scratch.', base: null } }), 409, 'CONFLICT');
      expect((await getStory(http, alice.accessToken, story.id)).body.premise).toMatchObject({ revision: 2, text: 'Draft one, from tab A.' });

      // Choosing "keep mine" is a save on the revision the conflict reported.
      const kept = await http.send('PUT', `/api/stories/${story.id}/premise`, { token: alice.accessToken, body: { text: 'Draft one, from tab B.', base: { id: first.body.id, revision: 2 } } });
      expect(kept.body).toMatchObject({ revision: 3, text: 'Draft one, from tab B.' });
    });

    it('refuses an outline save based on a version that is no longer current', async () => {
      const story = await createStory(http, alice.accessToken);
      const v1 = await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
      await api.app.get(DataSource).query(`UPDATE story_artifacts SET created_at = now() - interval '10 minutes' WHERE id = $1`, [v1.body.id]);
      const v2 = await put(`/api/stories/${story.id}/outline`, { chapters: THREE_CHAPTERS.chapters.slice(0, 2) });
      expect(v2.body).toMatchObject({ version: 2 });

      const stale = await http.send('PUT', `/api/stories/${story.id}/outline`, { token: alice.accessToken, body: { ...THREE_CHAPTERS, base: { id: v1.body.id, revision: v1.body.revision } } });
      expectError(stale, 409, 'CONFLICT');
      expect(stale.body.details.current.outline.chapters).toHaveLength(2);
      expect((await getStory(http, alice.accessToken, story.id)).body.outline?.outline?.chapters).toHaveLength(2);
    });

    it('requires the base an edit was made on, field by field', async () => {
      const story = await createStory(http, alice.accessToken);
      for (const body of [{ text: 'No base.' }, { text: 'Bad base.', base: { id: 'nope', revision: 1 } }, { text: 'Bad revision.', base: { id: story.id, revision: 0 } }]) {
        const response = await http.send('PUT', `/api/stories/${story.id}/premise`, { token: alice.accessToken, body });
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(response.body.details.map((issue: { path: string }) => issue.path)[0]).toMatch(/^base/);
      }
      expect((await getStory(http, alice.accessToken, story.id)).body.premise).toBeNull();
    });

    it('makes any earlier version current again', async () => {
      const story = await createStory(http, alice.accessToken);
      const v1 = await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
      await api.app.get(DataSource).query(`UPDATE story_artifacts SET created_at = now() - interval '10 minutes' WHERE id = $1`, [v1.body.id]);
      await put(`/api/stories/${story.id}/outline`, { chapters: THREE_CHAPTERS.chapters.slice(0, 1) });
      expect((await getStory(http, alice.accessToken, story.id)).body.outline?.outline?.chapters).toHaveLength(1);

      const restored = await http.post<Story>(`/api/stories/${story.id}/versions/${v1.body.id}/current`, { token: alice.accessToken });
      expect(restored.status).toBe(200);
      expect(restored.body.outline).toMatchObject({ id: v1.body.id, version: 1, isCurrent: true });
      expect(restored.body.outline?.outline).toEqual(THREE_CHAPTERS);
      const versions = await http.get<StoryArtifact[]>(`/api/stories/${story.id}/versions?kind=outline`, { token: alice.accessToken });
      expect(versions.body.map((v) => [v.version, v.isCurrent])).toEqual([
        [2, false],
        [1, true],
      ]);
    });

    it('refuses a phase whose earlier phase is missing, with a clear message and no generation', async () => {
      const story = await createStory(http, alice.accessToken);
      const outline = await startPhase(http, alice.accessToken, story.id, 'outline');
      expectError(outline, 409, 'CONFLICT');
      expect(outline.body.message).toMatch(/premise/i);
      await put(`/api/stories/${story.id}/premise`, { text: 'Ada must find the key.' });
      const start = await startPhase(http, alice.accessToken, story.id, 'start');
      expectError(start, 409, 'CONFLICT');
      expect(start.body.message).toMatch(/outline/i);
      await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
      const cont = await startPhase(http, alice.accessToken, story.id, 'continue');
      expectError(cont, 409, 'CONFLICT');
      expect(cont.body.message).toMatch(/start the story/i);
      expect(await countStoryRows(api.app, 'generations', 'target_id = $1', [story.id])).toBe(0);
    });
  });

  describe('whole-story jobs without a worker', () => {
    it('does not let a job that stopped making progress hold the story forever', async () => {
      const story = await createStory(http, alice.accessToken);
      const job = await http.post(`/api/stories/${story.id}/write`, { token: alice.accessToken });
      expect(job.status).toBe(202);
      expectError(await startPhase(http, alice.accessToken, story.id, 'premise'), 409, 'CONFLICT');
      expectError(await http.post(`/api/stories/${story.id}/write`, { token: alice.accessToken }), 409, 'CONFLICT');

      // Its queue entry is gone (Redis lost it), and nothing has moved for forty minutes.
      await (await api.app.get<Queue>(getQueueToken(QUEUE_NAMES.flow)).getJob(job.body.id))?.remove();
      await api.app.get(DataSource).query(`UPDATE generation_flows SET updated_at = now() - interval '40 minutes' WHERE id = $1`, [job.body.id]);
      const again = await http.post(`/api/stories/${story.id}/write`, { token: alice.accessToken });
      expect(again.status).toBe(202);
      const abandoned = await http.get(`/api/stories/${story.id}/jobs/${job.body.id}`, { token: alice.accessToken });
      expect(abandoned.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped making progress/) });
      expect((await getStory(http, alice.accessToken, story.id)).body.job).toMatchObject({ id: again.body.id, status: 'queued' });
      await http.post(`/api/stories/${story.id}/jobs/${again.body.id}/cancel`, { token: alice.accessToken });
    });

    it('documents the Writer in the OpenAPI document', async () => {
      const doc = await http.get('/api/docs/openapi.json');
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/stories', '/api/stories/{id}/premise', '/api/stories/{id}/write', '/api/stories/{id}/export', '/api/admin/story-cache']));
    });
  });

  describe('export', () => {
    let story: Story;
    const TEXT = '## The Frozen Bells\n\nAda woke to silence. The **bells** had stopped.\n\n## The Valley Road\n\nBram was already gone.';

    beforeAll(async () => {
      story = await createStory(http, alice.accessToken, 'The Winding Key: Part One!');
    });

    it('answers 409 while there is no story text yet', async () => {
      expectError(await http.get(`/api/stories/${story.id}/export?format=markdown`, { token: alice.accessToken }), 409, 'CONFLICT');
    });

    it('exports Markdown, plain text and Word files named after the title', async () => {
      await put(`/api/stories/${story.id}/premise`, { text: 'Ada must find the winding key before winter sets in for good.' });
      await put(`/api/stories/${story.id}/story`, { text: TEXT });

      const markdown = await http.get<string>(`/api/stories/${story.id}/export?format=markdown`, { token: alice.accessToken });
      expect(markdown.status).toBe(200);
      expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(markdown.headers.get('content-disposition')).toBe('attachment; filename="the-winding-key-part-one.md"');
      expect(markdown.body).toContain('# The Winding Key: Part One!');
      expect(markdown.body).toContain('> Ada must find the winding key');
      expect(markdown.body).toContain('## The Valley Road\n\nBram was already gone.');

      const text = await http.get<string>(`/api/stories/${story.id}/export?format=text`, { token: alice.accessToken });
      expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(text.headers.get('content-disposition')).toBe('attachment; filename="the-winding-key-part-one.txt"');
      expect(text.body).toContain('The Valley Road\n---------------');
      expect(text.body).not.toContain('##');

      const docx = await fetch(`${api.url}/api/stories/${story.id}/export?format=docx`, { headers: { authorization: `Bearer ${alice.accessToken}` } });
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers.get('content-disposition')).toBe('attachment; filename="the-winding-key-part-one.docx"');
      const bytes = Buffer.from(await docx.arrayBuffer());
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const document = readZipEntry(bytes, 'word/document.xml');
      expect(document).toContain('The Winding Key: Part One!');
      expect(document).toContain('Heading2');
      expect(document).toContain('The Valley Road');
      expect(document).toContain('Bram was already gone.');
      // Signed by its writer, not by the app.
      expect(readZipEntry(bytes, 'docProps/core.xml')).toContain(`<dc:creator>${alice.user.displayName}</dc:creator>`);
    });

    it('refuses an unknown format with a field message', async () => {
      const response = await http.get(`/api/stories/${story.id}/export?format=pdf`, { token: alice.accessToken });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([expect.objectContaining({ path: 'format' })]);
    });
  });

  describe('bad input', () => {
    const issuesOf = (response: { body: { details?: { path: string; message: string }[] } }) => response.body.details ?? [];

    it.each([
      ['an unknown persona', { persona: 'Pirate Poet' }, 'setup.persona', /Persona must be one of/],
      ['an unknown point of view', { narrativePov: 'Fourth Person' }, 'setup.narrativePov', /Narrative POV must be one of/],
      ['an empty setting', { setting: '   ' }, 'setup.setting', /Setting cannot be empty/],
      ['a 50 KB field', { characters: 'x'.repeat(50 * 1024) }, 'setup.characters', /at most 4,000 characters/],
    ])('refuses a story with %s, field by field, and stores nothing', async (_label, override, path, message) => {
      const before = await countStoryRows(api.app, 'stories');
      const response = await http.post('/api/stories', { token: alice.accessToken, body: { title: 'Bad', setup: { ...storySetup(), ...override } } });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(issuesOf(response)).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
      expect(await countStoryRows(api.app, 'stories')).toBe(before);
    });

    it('leaves the story exactly as it was when an edit is refused', async () => {
      const story = await createStory(http, alice.accessToken);
      await put(`/api/stories/${story.id}/premise`, { text: 'Kept premise.' });
      await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
      const before = (await getStory(http, alice.accessToken, story.id)).body;
      const artifactsBefore = await countStoryRows(api.app, 'story_artifacts', 'story_id = $1', [story.id]);

      const cases: [string, string, unknown, string][] = [
        ['PATCH', `/api/stories/${story.id}`, { setup: { ...storySetup(), persona: 'Pirate Poet' } }, 'setup.persona'],
        ['PATCH', `/api/stories/${story.id}`, { setup: { ...storySetup(), setting: '' } }, 'setup.setting'],
        ['PATCH', `/api/stories/${story.id}`, { title: 'y'.repeat(50 * 1024) }, 'title'],
        ['PUT', `/api/stories/${story.id}/outline`, { chapters: [] }, 'chapters'],
        ['PUT', `/api/stories/${story.id}/outline`, { chapters: Array.from({ length: 500 }, (_, i) => ({ title: `Chapter ${i + 1}`, summary: 'Things happen.' })) }, 'chapters'],
        ['PUT', `/api/stories/${story.id}/outline`, { chapters: [{ title: '', summary: 'No title.' }] }, 'chapters.0.title'],
        ['PUT', `/api/stories/${story.id}/premise`, { text: '  ' }, 'text'],
        ['POST', `/api/stories/${story.id}/outline`, { regenerate: 'yes' }, 'regenerate'],
      ];
      for (const [method, path, body, field] of cases) {
        const response = await http.send(method, path, { token: alice.accessToken, body });
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(issuesOf(response).map((issue) => issue.path)).toContain(field);
        expect(issuesOf(response).every((issue) => issue.message.length > 0)).toBe(true);
      }
      expect((await http.get(`/api/stories/${story.id}/versions?kind=chapters`, { token: alice.accessToken })).status).toBe(400);
      expect((await getStory(http, alice.accessToken, story.id)).body).toEqual(before);
      expect(await countStoryRows(api.app, 'story_artifacts', 'story_id = $1', [story.id])).toBe(artifactsBefore);
      expect(await countStoryRows(api.app, 'generations', 'target_id = $1', [story.id])).toBe(0);
    });
  });

  describe('other users', () => {
    it('answers 404 for every route on someone else’s story, job and versions, and changes nothing', async () => {
      const story = await createStory(http, alice.accessToken, 'Alice’s Secret');
      const premise = await put(`/api/stories/${story.id}/premise`, { text: 'Only Alice knows.' });
      await put(`/api/stories/${story.id}/outline`, THREE_CHAPTERS);
      await put(`/api/stories/${story.id}/story`, { text: '## The Frozen Bells\n\nA secret beginning.' });
      // No worker runs in this suite, so the job stays queued.
      const job = await http.post(`/api/stories/${story.id}/write`, { token: alice.accessToken });
      expect(job.status).toBe(202);
      expect(job.body).toMatchObject({ storyId: story.id, status: 'queued', progress: 0 });
      const before = (await getStory(http, alice.accessToken, story.id)).body;

      const base = `/api/stories/${story.id}`;
      const attempts: [string, string, unknown?][] = [
        ['GET', base],
        ['PATCH', base, { title: 'Mine now' }],
        ['DELETE', base],
        ['POST', `${base}/duplicate`],
        ['POST', `${base}/premise`, {}],
        ['POST', `${base}/outline`, { regenerate: true }],
        ['POST', `${base}/start`, {}],
        ['POST', `${base}/continue`, {}],
        ['PUT', `${base}/premise`, { text: 'Bob was here.', base: { id: premise.body.id, revision: premise.body.revision } }],
        ['PUT', `${base}/outline`, { ...THREE_CHAPTERS, base: null }],
        ['PUT', `${base}/story`, { text: 'Bob was here.', base: null }],
        ['GET', `${base}/versions?kind=premise`],
        ['POST', `${base}/versions/${premise.body.id}/current`],
        ['GET', `${base}/export?format=markdown`],
        ['GET', `${base}/export?format=docx`],
        ['POST', `${base}/write`],
        ['GET', `${base}/jobs/${job.body.id}`],
        ['GET', `${base}/jobs/${job.body.id}/result`],
        ['POST', `${base}/jobs/${job.body.id}/cancel`],
      ];
      for (const [method, path, body] of attempts) {
        const response = await http.send(method, path, { token: bob.accessToken, body });
        expect({ method, path, status: response.status, code: response.body?.code }).toEqual({ method, path, status: 404, code: 'NOT_FOUND' });
      }
      // Bob's own story cannot reach Alice's version or job either.
      const bobs = await createStory(http, bob.accessToken, 'Bob’s Own');
      expectError(await http.post(`/api/stories/${bobs.id}/versions/${premise.body.id}/current`, { token: bob.accessToken }), 404, 'NOT_FOUND');
      expectError(await http.get(`/api/stories/${bobs.id}/jobs/${job.body.id}`, { token: bob.accessToken }), 404, 'NOT_FOUND');
      expect((await http.get('/api/stories', { token: bob.accessToken })).body.items.map((item: Story) => item.id)).not.toContain(story.id);

      expect((await getStory(http, alice.accessToken, story.id)).body).toEqual(before);
      expect(await countStoryRows(api.app, 'generations', 'target_id = $1', [story.id])).toBe(0);

      // Alice can: a queued job is cancelled at once, and the story shows it.
      const cancelled = await http.post(`/api/stories/${story.id}/jobs/${job.body.id}/cancel`, { token: alice.accessToken });
      expect(cancelled.body).toMatchObject({ id: job.body.id, status: 'cancelled' });
      expect((await getStory(http, alice.accessToken, story.id)).body.job).toMatchObject({ id: job.body.id, status: 'cancelled' });
      expectError(await http.get(`/api/stories/${story.id}/jobs/${job.body.id}/result`, { token: alice.accessToken }), 409, 'CONFLICT');
    });
  });
});
