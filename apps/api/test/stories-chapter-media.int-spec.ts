import type { AuthSession, ChapterMedia, Generation, StreamEntry } from '@storyos/contracts';
import { followEntries, StreamAssembler } from '@storyos/contracts';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { waitForGeneration } from './support/game-helpers';
import { httpClient, type HttpClient } from './support/http';
import { connectSocket, type TestSocket } from './support/sockets';
import { countStoryRows, createStory, putOnCurrent, readZipEntry } from './support/story-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const TEXT = [
  '## The Frozen Bells',
  '',
  'Ada woke to silence. The bells of Brindle Hill had frozen in the night. She pulled on her coat and ran to the church.',
  '',
  '## The Valley Road',
  '',
  'Bram waited at the bridge with a lantern. "You are late," he said.',
].join('\n');

/** Pictures and narration of chapters: media steps through a real worker, with the builtin illustrator and voice. */
describe('stories: chapter pictures and narration as media steps', () => {
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let alice: AuthSession;
  let bob: AuthSession;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    api = await startTestApp();
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    alice = await registerUser(api.url, 'media-writer');
    bob = await registerUser(api.url, 'media-other');
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await worker?.stop();
    await api?.close();
  });

  const storyWithText = async () => {
    const story = await createStory(http, alice.accessToken, 'Frozen Bells');
    await putOnCurrent(http, alice.accessToken, `/api/stories/${story.id}/story`, { text: TEXT });
    return story;
  };
  const fetchMedia = (mediaId: string) => fetch(`${api.url}/api/media/${mediaId}`, { headers: { authorization: `Bearer ${alice.accessToken}` } });

  it('reads a chapter aloud piece by piece: each sentence-sized piece arrives on the stream as stored MP3 audio, in order', async () => {
    const story = await storyWithText();
    const socket = await connectSocket(api.url, { token: alice.accessToken });
    sockets.push(socket);
    const entries: StreamEntry[] = [];
    followEntries(socket, ({ entry }) => entries.push(entry));

    const started = await http.post<ChapterMedia>(`/api/stories/${story.id}/chapters/0/narration`, { token: alice.accessToken });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ chapterIndex: 0, kind: 'narration', matchesText: true });
    const done = await waitForGeneration(http, alice.accessToken, started.body.generationId);
    expect(done).toMatchObject({ status: 'completed', kind: 'story.narration' });
    const parts = (done as Generation).media;
    expect(parts.length).toBeGreaterThanOrEqual(1);
    expect(parts.map((part) => part.index)).toEqual(parts.map((_, index) => index));
    expect(parts.map((part) => part.text).join(' ')).toContain('The bells of Brindle Hill had frozen in the night.');
    for (const part of parts) {
      expect(part).toMatchObject({ kind: 'narration', contentType: 'audio/mpeg' });
      expect(part.durationMs).toBeGreaterThan(200);
      const audio = await fetchMedia(part.mediaId);
      expect(audio.status).toBe(200);
      expect(audio.headers.get('content-type')).toBe('audio/mpeg');
      const bytes = Buffer.from(await audio.arrayBuffer());
      expect(bytes.subarray(0, 3).toString('latin1') === 'ID3' || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)).toBe(true);
    }
    // The socket carried the same parts, one media entry each, before the end.
    await eventually(async () => expect(entries.some((entry) => entry.type === 'end')).toBe(true));
    const assembler = new StreamAssembler();
    entries.forEach((entry) => assembler.push(entry));
    expect(assembler.state().media.map((part) => part.mediaId)).toEqual(parts.map((part) => part.mediaId));

    // Asked again for the same text: the narration already made, no new step.
    const again = await http.post<ChapterMedia>(`/api/stories/${story.id}/chapters/0/narration`, { token: alice.accessToken });
    expect(again.status).toBe(200);
    expect(again.body.generationId).toBe(started.body.generationId);
  });

  it('draws a chapter as a PNG picture, listed with the chapter; a rewritten chapter marks old narration as not matching', async () => {
    const story = await storyWithText();
    const started = await http.post<ChapterMedia>(`/api/stories/${story.id}/chapters/1/illustration`, { token: alice.accessToken, body: {} });
    expect(started.status).toBe(202);
    const done = (await waitForGeneration(http, alice.accessToken, started.body.generationId)) as Generation;
    expect(done.status).toBe('completed');
    expect(done.media).toEqual([expect.objectContaining({ index: 0, kind: 'image', contentType: 'image/png', text: 'The Valley Road' })]);
    expect(done.media[0]!.width).toBeGreaterThan(100);
    const picture = await fetchMedia(done.media[0]!.mediaId);
    expect(picture.status).toBe(200);
    expect(Buffer.from(await picture.arrayBuffer()).subarray(1, 4).toString('latin1')).toBe('PNG');

    const listed = await http.get<ChapterMedia[]>(`/api/stories/${story.id}/media`, { token: alice.accessToken });
    expect(listed.body).toEqual([expect.objectContaining({ chapterIndex: 1, kind: 'illustration', status: 'completed', matchesText: true })]);
    // Another user sees neither the list nor the picture.
    expectError(await http.get(`/api/stories/${story.id}/media`, { token: bob.accessToken }), 404, 'NOT_FOUND');
    expect((await fetch(`${api.url}/api/media/${done.media[0]!.mediaId}`, { headers: { authorization: `Bearer ${bob.accessToken}` } })).status).toBe(404);

    // Exports show the picture under its chapter: embedded in Word, linked as data in Markdown.
    const markdown = await http.get<string>(`/api/stories/${story.id}/export?format=markdown`, { token: alice.accessToken });
    expect(markdown.body).toMatch(/## The Valley Road\n\n!\[The Valley Road\]\(data:image\/png;base64,[A-Za-z0-9+/=]{100,}\)\n\nBram waited/);
    expect(markdown.body.match(/!\[/g)).toHaveLength(1);
    const docx = Buffer.from(await (await fetch(`${api.url}/api/stories/${story.id}/export?format=docx`, { headers: { authorization: `Bearer ${alice.accessToken}` } })).arrayBuffer());
    expect(readZipEntry(docx, 'word/document.xml')).toMatch(/The Valley Road[\s\S]*<pic:pic/);
    expect(docx.includes(Buffer.from('word/media/'))).toBe(true);

    await putOnCurrent(http, alice.accessToken, `/api/stories/${story.id}/story`, { text: TEXT.replace('with a lantern', 'with two lanterns') });
    const after = await http.get<ChapterMedia[]>(`/api/stories/${story.id}/media`, { token: alice.accessToken });
    expect(after.body[0]).toMatchObject({ chapterIndex: 1, matchesText: false });
  });

  it('refuses a chapter that does not exist, bad numbers and other users, and starts nothing', async () => {
    const story = await storyWithText();
    const before = await countStoryRows(api.app, 'generations');
    expectError(await http.post(`/api/stories/${story.id}/chapters/7/narration`, { token: alice.accessToken }), 404, 'NOT_FOUND');
    for (const index of ['-1', 'one', '1.5', '9999']) {
      expectError(await http.post(`/api/stories/${story.id}/chapters/${index}/illustration`, { token: alice.accessToken }), 400, 'VALIDATION_FAILED');
    }
    expectError(await http.post(`/api/stories/${story.id}/chapters/0/narration`, { token: alice.accessToken, body: { again: 'yes' } }), 400, 'VALIDATION_FAILED');
    expectError(await http.post(`/api/stories/${story.id}/chapters/0/narration`, { token: bob.accessToken }), 404, 'NOT_FOUND');
    const empty = await createStory(http, alice.accessToken, 'Nothing written');
    expectError(await http.post(`/api/stories/${empty.id}/chapters/0/illustration`, { token: alice.accessToken }), 404, 'NOT_FOUND');
    expect(await countStoryRows(api.app, 'generations')).toBe(before);
  });
});
