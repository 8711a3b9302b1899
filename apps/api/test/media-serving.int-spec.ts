import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { filesUnder, makePicture, uploadOk } from './support/media-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { MediaService } from '../src/modules/media/media.service';

describe('serving media', () => {
  let api: TestApp;
  let dir: string;
  let owner: string;
  let other: string;
  let bytes: Buffer;
  let asset: { id: string; url: string; bytes: number; sha256: string };

  const get = (path: string, token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyos-media-'));
    api = await startTestApp({ MEDIA_DIR: dir });
    owner = (await registerUser(api.url, 'owner')).accessToken;
    other = (await registerUser(api.url, 'other')).accessToken;
    asset = await uploadOk(api.url, owner, await makePicture('png', 300, 200), 'scene.png');
    bytes = Buffer.from(await (await get(asset.url, owner)).arrayBuffer());
  });

  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the owner the bytes with their type, length, a strong ETag, immutable private caching and safe headers', async () => {
    const response = await get(asset.url, owner);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Number(response.headers.get('content-length'))).toBe(asset.bytes);
    expect(response.headers.get('etag')).toBe(`"${asset.sha256}"`);
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="scene.png"');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(bytes.length).toBe(asset.bytes);
  });

  it('answers 304 to a matching If-None-Match, with no body', async () => {
    const response = await get(asset.url, owner, { 'if-none-match': `"${asset.sha256}"` });
    expect(response.status).toBe(304);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
    expect((await get(asset.url, owner, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('serves one byte range with 206 and Content-Range, and the suffix form', async () => {
    const response = await get(asset.url, owner, { range: 'bytes=10-19' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 10-19/${asset.bytes}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(10, 20));
    const tail = await get(asset.url, owner, { range: 'bytes=-5' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 5));
    const open = await get(asset.url, owner, { range: `bytes=${asset.bytes - 3}-` });
    expect(Buffer.from(await open.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 3));
  });

  it('answers a range wholly outside the file with 416, the error body and Content-Range: bytes */size', async () => {
    const response = await get(asset.url, owner, { range: `bytes=${asset.bytes + 10}-${asset.bytes + 20}` });
    expectError({ status: response.status, body: await response.json(), headers: response.headers } as any, 416, 'RANGE_NOT_SATISFIABLE');
    expect(response.headers.get('content-range')).toBe(`bytes */${asset.bytes}`);
  });

  it('ignores a malformed Range, several ranges, or a stale If-Range, and sends the whole file', async () => {
    const variants: Record<string, string>[] = [{ range: 'bytes=abc' }, { range: 'pages=1-2' }, { range: 'bytes=0-1,5-9' }, { range: 'bytes=0-9', 'if-range': '"stale"' }];
    for (const headers of variants) {
      const response = await get(asset.url, owner, headers);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    }
  });

  it('answers another user 404 and someone without a token 401, for the file, its thumbnail and its deletion', async () => {
    for (const path of [asset.url, `${asset.url}/thumbnail`]) {
      const stranger = await get(path, other);
      expectError({ status: stranger.status, body: await stranger.json(), headers: stranger.headers } as any, 404, 'NOT_FOUND');
      const anonymous = await get(path, null);
      expectError({ status: anonymous.status, body: await anonymous.json(), headers: anonymous.headers } as any, 401, 'UNAUTHENTICATED');
    }
    const deletion = await fetch(`${api.url}${asset.url}`, { method: 'DELETE', headers: { authorization: `Bearer ${other}` } });
    expect(deletion.status).toBe(404);
    expect((await get(asset.url, owner)).status).toBe(200);
  });

  it('serves media made public by what it is attached to to anyone, with public caching', async () => {
    const service = api.app.get(MediaService);
    const chatId = '3f1d2c4b-1111-4222-8333-444455556666';
    const attached = await service.store({ id: (await me(owner)).id, role: 'user', isGuest: false }, { bytes: await makePicture('webp', 40, 40), meta: { kind: 'image', contentType: 'image/webp', width: 40, height: 40, attachedTo: { type: 'chat', id: chatId }, provider: 'builtin', model: 'storyos-illustrator' } });
    expect((await get(attached.url, other)).status).toBe(404);
    expect(await service.setPublicFor({ type: 'chat', id: chatId }, true)).toBe(1);
    const anonymous = await get(attached.url, null);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get(attached.url, other)).status).toBe(200);
    await service.setPublicFor({ type: 'chat', id: chatId }, false);
    expect((await get(attached.url, other)).status).toBe(404);
  });

  it('stores the same bytes once, and deletes them only with the last row that uses them', async () => {
    const picture = await makePicture('png', 120, 90);
    const first = await uploadOk(api.url, owner, picture, 'one.png');
    const before = await filesUnder(dir);
    const second = await uploadOk(api.url, other, picture, 'two.png');
    expect(second.sha256).toBe(first.sha256);
    expect(await filesUnder(dir)).toEqual(before);
    expect((await fetch(`${api.url}${first.url}`, { method: 'DELETE', headers: { authorization: `Bearer ${owner}` } })).status).toBe(204);
    expect((await get(first.url, owner)).status).toBe(404);
    expect((await get(second.url, other)).status).toBe(200);
    expect((await fetch(`${api.url}${second.url}`, { method: 'DELETE', headers: { authorization: `Bearer ${other}` } })).status).toBe(204);
    const remaining = await filesUnder(dir);
    expect(remaining.some((file) => file.endsWith(first.sha256))).toBe(false);
  });

  it('tells clients which media providers this deployment has', async () => {
    const response = await get('/api/media/capabilities', owner);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      uploads: { maxBytes: 5 * 1024 * 1024, contentTypes: ['image/jpeg', 'image/png', 'image/webp'] },
      images: { provider: 'builtin', model: 'storyos-illustrator' },
      speech: { provider: 'builtin', model: 'espeak-ng', voices: expect.arrayContaining(['en-gb-x-rp']) },
      transcription: { provider: null, model: null, maxBytes: 10 * 1024 * 1024, contentTypes: expect.arrayContaining(['audio/webm', 'audio/ogg', 'audio/wav']) },
    });
  });

  async function me(token: string): Promise<{ id: string }> {
    return (await (await get('/api/auth/me', token)).json()) as { id: string };
  }
});
