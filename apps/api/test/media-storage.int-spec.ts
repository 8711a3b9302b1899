import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { loadConfig } from '../src/core/config/app-config';
import { DiskMediaStorage } from '../src/modules/media/storage/disk-media-storage';
import { contentKey, MissingMediaError, type MediaStorage } from '../src/modules/media/storage/media-storage';
import { S3MediaStorage, type S3StorageConfig } from '../src/modules/media/storage/s3-media-storage';
import { sha256Hex } from '../src/modules/media/media.service';
import { registerUser } from './support/accounts';
import { makePicture, uploadOk } from './support/media-helpers';
import { startS3Server, type TestS3Server } from './support/s3-server';
import { startTestApp, type TestApp } from './support/test-app';

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

interface Backend {
  name: string;
  start(): Promise<{ storage: MediaStorage; env: Record<string, string>; stop(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'local disk',
    start: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'storyos-media-'));
      return { storage: new DiskMediaStorage(dir), env: { MEDIA_DIR: dir }, stop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'S3 (s3rver)',
    start: async () => {
      const server: TestS3Server = await startS3Server();
      const config = loadConfig(server.env).media.storage as S3StorageConfig;
      const storage = new S3MediaStorage(config);
      return {
        storage,
        env: server.env,
        stop: async () => {
          storage.close();
          await server.close();
        },
      };
    },
  },
];

describe.each(BACKENDS)('media storage on $name', (backend) => {
  let storage: MediaStorage;
  let env: Record<string, string>;
  let stop: () => Promise<void>;
  const bytes = randomBytes(4096);
  const key = contentKey(sha256Hex(bytes));

  beforeAll(async () => {
    ({ storage, env, stop } = await backend.start());
  });

  afterAll(async () => {
    await stop?.();
  });

  it('stores bytes under their content key and reads them back whole and by range', async () => {
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, bytes, 'application/octet-stream');
    expect(await storage.exists(key)).toBe(true);
    expect(await readAll(await storage.read(key))).toEqual(bytes);
    expect(await readAll(await storage.read(key, { start: 100, end: 199 }))).toEqual(bytes.subarray(100, 200));
    expect(await readAll(await storage.read(key, { start: 4095, end: 4095 }))).toEqual(bytes.subarray(4095));
  });

  it('treats storing the same bytes again as done', async () => {
    await storage.put(key, bytes, 'application/octet-stream');
    expect(await readAll(await storage.read(key))).toEqual(bytes);
  });

  it('says which object is missing, and deleting a missing one is no error', async () => {
    const absent = contentKey('0'.repeat(64));
    await expect(storage.read(absent)).rejects.toBeInstanceOf(MissingMediaError);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key);
  });

  describe('behind the API', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp(env);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('uploads, serves with ranges and deletes', async () => {
      const token = (await registerUser(api.url, 'storage')).accessToken;
      const picture = await makePicture('png', 200, 150);
      const asset = await uploadOk(api.url, token, picture, 'stored.png');
      const auth = { authorization: `Bearer ${token}` };
      const whole = Buffer.from(await (await fetch(`${api.url}${asset.url}`, { headers: auth })).arrayBuffer());
      expect(whole.length).toBe(asset.bytes);
      expect(sha256Hex(whole)).toBe(asset.sha256);
      const part = await fetch(`${api.url}${asset.url}`, { headers: { ...auth, range: 'bytes=0-7' } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(0, 8));
      expect(await storage.exists(contentKey(asset.sha256))).toBe(true);
      expect((await fetch(`${api.url}${asset.url}`, { method: 'DELETE', headers: auth })).status).toBe(204);
      expect(await storage.exists(contentKey(asset.sha256))).toBe(false);
    });
  });
});
