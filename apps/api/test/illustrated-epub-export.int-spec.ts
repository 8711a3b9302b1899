import type { AuthSession, IllustratedStoryAccepted } from '@storyos/contracts';
import { checkAgeBand, encodeWav } from '@storyos/domain';
import { strFromU8, unzipSync } from 'fflate';
import { DataSource } from 'typeorm';
import { IllustratedStoryEntity } from '../src/modules/stories/illustrated/illustrated-story.entity';
import { elementsNamed, epubCheck, parseXml } from '../src/modules/stories/illustrated-export/epub-test-files.spec-helper';
import { registerUser } from './support/accounts';
import { startFakeMediaServer, type FakeMediaServer } from './support/fake-media-server';
import { httpClient, type HttpClient } from './support/http';
import { waitForIllustrated } from './support/illustrated-helpers';
import { makePicture } from './support/media-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { startWorker, type WorkerProcess } from './support/worker-process';

const tone = { sampleRate: 24_000, channels: [Float32Array.from({ length: 12_000 }, (_, index) => Math.sin(index / 8) * 0.3)] };
const STORY = { title: 'Pip Learns to Swim', prompt: 'A shy dragon called Pip learns to swim', style: 'fantasy', sceneCount: 3, ageBand: '4-6' } as const;

/**
 * The e-book download of an illustrated story, made end to end by the
 * builtin story engine in a real worker, with pictures and narration from
 * fake media servers: EPUB 3 whose overlays read each scene aloud.
 */
describe('GET /api/illustrated-stories/:id/export.epub', () => {
  let images: FakeMediaServer;
  let speech: FakeMediaServer;
  let api: TestApp;
  let worker: WorkerProcess;
  let http: HttpClient;
  let owner: AuthSession;
  let storyId: string;

  beforeAll(async () => {
    const png = await makePicture('png', 64, 48);
    const wav = Buffer.from(encodeWav(tone));
    images = await startFakeMediaServer({ png, wav, transcript: '' });
    speech = await startFakeMediaServer({ png, wav, transcript: '' });
    api = await startTestApp({
      IMAGE_BASE_URL: images.baseUrl,
      IMAGE_API_KEY: 'test-key',
      IMAGE_MODEL: 'gpt-image-1',
      SPEECH_BASE_URL: speech.baseUrl,
      SPEECH_API_KEY: 'test-key',
      SPEECH_MODEL: 'tts-1',
      MEDIA_PROVIDER_MAX_RETRIES: '0',
    });
    worker = await startWorker(api.env);
    http = httpClient(api.url);
    owner = await registerUser(api.url, 'epub-owner');
    const accepted = await http.post<IllustratedStoryAccepted>('/api/illustrated-stories', { token: owner.accessToken, body: STORY });
    expect(accepted.status).toBe(202);
    storyId = accepted.body.storyId;
    const story = await waitForIllustrated(http, owner.accessToken, storyId);
    expect(story.status).toBe('COMPLETED');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await images?.close();
    await speech?.close();
  });

  const download = (id: string, token?: string) => fetch(`${api.url}/api/illustrated-stories/${id}/export.epub`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('gives the owner an EPUB 3 with a page per scene, its picture, and its narration synchronised, that EPUBCheck accepts', async () => {
    const response = await download(storyId, owner.accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/epub+zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pip-learns-to-swim.epub"');
    const epub = Buffer.from(await response.arrayBuffer());
    const files = unzipSync(new Uint8Array(epub));
    expect(Object.keys(files)[0]).toBe('mimetype');
    const opf = parseXml(strFromU8(files['OEBPS/package.opf']!));
    // The maker's own name is on the cover, not the app's.
    expect(elementsNamed(opf, 'creator').map((creator) => creator.text)).toEqual([owner.user.displayName]);
    const pages = elementsNamed(opf, 'item').filter((item) => item.attributes['href']!.startsWith('text/scene-'));
    expect(pages).toHaveLength(3);
    // Every scene was narrated and the narration reads its text: every page has its overlay.
    for (const page of pages) expect(page.attributes['media-overlay']).toMatch(/^overlay-0[123]$/);
    expect(Object.keys(files).filter((name) => name.startsWith('OEBPS/images/'))).toHaveLength(3);
    for (const page of pages) {
      const xhtml = parseXml(strFromU8(files[`OEBPS/${page.attributes['href']}`]!));
      expect(elementsNamed(xhtml, 'span').length).toBeGreaterThan(0);
      // The builtin engine wrote it for ages 4 to 6, and the e-book holds that text.
      expect(checkAgeBand(elementsNamed(xhtml, 'p').map((p) => p.text).join(' '), '4-6').ok).toBe(true);
    }
    const result = await epubCheck(epub);
    expect(result.messages.filter((m) => m.severity !== 'info' && m.severity !== 'usage')).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('answers 404 to anyone else, 401 without a token, and 400 to an id that is not one', async () => {
    const stranger = await registerUser(api.url, 'epub-stranger');
    const other = await download(storyId, stranger.accessToken);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { message: string }).message).toMatch(/story/i);
    expect((await download(storyId)).status).toBe(401);
    expect((await download('not-a-uuid', owner.accessToken)).status).toBe(400);
    expect((await download('00000000-0000-4000-8000-000000000000', owner.accessToken)).status).toBe(404);
  });

  it('says in plain words that a story still being made cannot be downloaded yet, and changes nothing', async () => {
    const stories = api.app.get(DataSource).getRepository(IllustratedStoryEntity);
    const before = await stories.findOneByOrFail({ id: storyId });
    await stories.update({ id: storyId }, { status: 'PROCESSING' });
    try {
      const response = await download(storyId, owner.accessToken);
      expect(response.status).toBe(409);
      const body = (await response.json()) as { message: string };
      expect(body.message).toBe('This story is still being made. You can download it as an e-book once it is finished.');
    } finally {
      await stories.update({ id: storyId }, { status: before.status });
    }
    const after = await stories.findOneByOrFail({ id: storyId });
    expect(after.status).toBe('COMPLETED');
  });

  it('is listed in the OpenAPI document as an EPUB download', async () => {
    const doc = (await http.get<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> }>('/api/docs/openapi.json')).body;
    const operation = doc.paths['/api/illustrated-stories/{id}/export.epub']?.['get'];
    expect(operation?.responses['200']?.content).toHaveProperty(['application/epub+zip']);
  });
});
