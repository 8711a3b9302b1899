import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { registerUser } from './support/accounts';
import { expectError } from './support/auth-helpers';
import { countMediaRows, filesUnder, makePicture, upload, uploadOk } from './support/media-helpers';
import { startTestApp, type TestApp } from './support/test-app';

/** Bytes every refused upload is compared against: nothing new in the table, nothing new on disk. */
async function expectNothingStored(api: TestApp, dir: string, send: () => Promise<{ status: number }>): Promise<void> {
  const rows = await countMediaRows(api);
  const files = await filesUnder(dir);
  await send();
  expect(await countMediaRows(api)).toBe(rows);
  expect(await filesUnder(dir)).toEqual(files);
}

describe('picture uploads', () => {
  let api: TestApp;
  let dir: string;
  let token: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyos-media-'));
    api = await startTestApp({ MEDIA_DIR: dir, MEDIA_ALLOWANCE_USER_MB: '1', MEDIA_UPLOADS_PER_MINUTE: '1000', MEDIA_PARALLEL_UPLOADS: '3' });
    token = (await registerUser(api.url, 'uploader')).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a PNG, JPEG or WebP with its real type, size and a WebP thumbnail', async () => {
    for (const [format, type] of [['png', 'image/png'], ['jpeg', 'image/jpeg'], ['webp', 'image/webp']] as const) {
      const asset = await uploadOk(api.url, token, await makePicture(format, 640, 400), `holiday.${format}`);
      expect(asset).toMatchObject({ kind: 'upload', contentType: type, width: 640, height: 400, isPublic: false, attachedTo: null, provider: null });
      expect(asset.url).toBe(`/api/media/${asset.id}`);
      expect(asset.thumbnailUrl).toBe(`/api/media/${asset.id}/thumbnail`);
      const thumbnail = await fetch(`${api.url}${asset.thumbnailUrl}`, { headers: { authorization: `Bearer ${token}` } });
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
      expect(Math.max(meta.width!, meta.height!)).toBe(320);
    }
  });

  it('decides the type from the bytes, not the name or the declared type', async () => {
    const result = await upload(api.url, token, await makePicture('jpeg'), 'photo.png', 'image/png');
    expect(result.status).toBe(201);
    expect(result.body.contentType).toBe('image/jpeg');
    expect(result.body.pathname).toBe('photo.jpg');
  });

  it('removes EXIF and GPS metadata from what it stores', async () => {
    const withGps = await makePicture('jpeg', 200, 100, { IFD0: { Artist: 'Secret Person' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } });
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const asset = await uploadOk(api.url, token, withGps, 'gps.jpg');
    const stored = Buffer.from(await (await fetch(`${api.url}${asset.url}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Secret Person'))).toBe(false);
  });

  it('keeps only the last part of a file name, without control or bidi characters', async () => {
    const png = await makePicture('png');
    expect((await uploadOk(api.url, token, png, '../../../etc/passwd')).pathname).toBe('passwd.png');
    expect((await uploadOk(api.url, token, png, '..\\..\\win.ini')).pathname).toBe('win.png');
    expect((await uploadOk(api.url, token, png, 'cat\u202egnp.exe')).pathname).toBe('catgnp.png');
    expect((await uploadOk(api.url, token, png, 'Zoë’s drawing.png')).pathname).toBe('Zoë’s drawing.png');
  });

  describe('refuses, storing nothing', () => {
    const cases: [string, () => Promise<{ bytes: Buffer; name: string; type: string }>, number, string, string?][] = [
      ['an SVG renamed .png', async () => ({ bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'), name: 'x.png', type: 'image/png' }), 400, 'BAD_REQUEST', 'not-a-picture'],
      ['an HTML page renamed .png', async () => ({ bytes: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), name: 'x.png', type: 'image/png' }), 400, 'BAD_REQUEST', 'not-a-picture'],
      ['a PNG header followed by a script', async () => ({ bytes: Buffer.concat([await makePicture('png'), Buffer.from('<script>alert(document.cookie)</script>')]), name: 'x.png', type: 'image/png' }), 400, 'BAD_REQUEST', 'data-after-picture'],
      ['a JPEG with a zip archive after it', async () => ({ bytes: Buffer.concat([await makePicture('jpeg'), Buffer.from('PK\u0003\u0004hidden archive')]), name: 'x.jpg', type: 'image/jpeg' }), 400, 'BAD_REQUEST', 'data-after-picture'],
      ['a zero-byte file', async () => ({ bytes: Buffer.alloc(0), name: 'empty.png', type: 'image/png' }), 400, 'BAD_REQUEST', 'empty'],
      ['a truncated PNG', async () => ({ bytes: (await makePicture('png', 300, 300)).subarray(0, 400), name: 't.png', type: 'image/png' }), 400, 'BAD_REQUEST', 'truncated'],
      ['a truncated JPEG', async () => ({ bytes: (await makePicture('jpeg', 300, 300)).subarray(0, 600), name: 't.jpg', type: 'image/jpeg' }), 400, 'BAD_REQUEST', 'truncated'],
      ['a GIF', async () => ({ bytes: Buffer.from('R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=', 'base64'), name: 'x.gif', type: 'image/gif' }), 400, 'BAD_REQUEST', 'not-a-picture'],
      ['a decompression bomb (50000 × 50000 pixels in a small PNG)', async () => ({ bytes: await bombPng(50_000, 50_000), name: 'bomb.png', type: 'image/png' }), 400, 'BAD_REQUEST', 'too-many-pixels'],
      ['a file over 5 MB', async () => ({ bytes: Buffer.concat([await makePicture('png'), Buffer.alloc(5 * 1024 * 1024)]), name: 'big.png', type: 'image/png' }), 413, 'PAYLOAD_TOO_LARGE'],
    ];

    for (const [label, make, status, code, rule] of cases) {
      it(`${label} with ${status}`, async () => {
        const file = await make();
        await expectNothingStored(api, dir, async () => {
          const result = await upload(api.url, token, file.bytes, file.name, file.type);
          expectError(result as any, status, code);
          if (rule) expect(result.body.details).toEqual({ rule });
          return result;
        });
      });
    }

    it('a request with no file, a file in another field, or two files', async () => {
      const png = await makePicture('png');
      await expectNothingStored(api, dir, async () => {
        const empty = await fetch(`${api.url}/api/media/uploads`, { method: 'POST', body: new FormData(), headers: { authorization: `Bearer ${token}` } });
        expectError({ status: empty.status, body: await empty.json(), headers: empty.headers } as any, 400, 'VALIDATION_FAILED');
        expectError((await upload(api.url, token, png, 'x.png', 'image/png', 'picture')) as any, 400, 'VALIDATION_FAILED');
        const form = new FormData();
        form.append('file', new Blob([png]), 'a.png');
        form.append('file', new Blob([png]), 'b.png');
        const two = await fetch(`${api.url}/api/media/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
        expectError({ status: two.status, body: await two.json(), headers: two.headers } as any, 400, 'VALIDATION_FAILED');
        return two;
      });
    });

    it('a JSON body, and a multipart body that ends early', async () => {
      await expectNothingStored(api, dir, async () => {
        const json = await fetch(`${api.url}/api/media/uploads`, { method: 'POST', body: '{"file":"x"}', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
        expectError({ status: json.status, body: await json.json(), headers: json.headers } as any, 415, 'UNSUPPORTED_MEDIA_TYPE');
        const cut = await fetch(`${api.url}/api/media/uploads`, {
          method: 'POST',
          body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG half',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=xyz' },
        });
        expectError({ status: cut.status, body: await cut.json(), headers: cut.headers } as any, 400, 'BAD_REQUEST');
        return cut;
      });
    });

    it('an upload without a valid token', async () => {
      const png = await makePicture('png');
      await expectNothingStored(api, dir, async () => {
        expectError((await upload(api.url, null, png)) as any, 401, 'UNAUTHENTICATED');
        return expectErrorResult(await upload(api.url, 'not.a.token', png), 401);
      });
    });
  });

  it('refuses an upload past the storage allowance with 413 and says how much is left', async () => {
    const fresh = (await registerUser(api.url, 'allowance')).accessToken;
    const noisy = async (): Promise<Buffer> => sharp(Buffer.from(Array.from({ length: 300 * 300 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 300, height: 300, channels: 3 } }).png().toBuffer();
    let last = await upload(api.url, fresh, await noisy(), 'a.png');
    while (last.status === 201) last = await upload(api.url, fresh, await noisy(), 'n.png');
    expectError(last as any, 413, 'STORAGE_ALLOWANCE_EXCEEDED');
    expect(last.body.message).toMatch(/storage allowance/);
    expect(last.body.details).toMatchObject({ allowanceBytes: 1024 * 1024 });
    const usage = await fetch(`${api.url}/api/media/usage`, { headers: { authorization: `Bearer ${fresh}` } }).then((response) => response.json() as Promise<any>);
    expect(usage).toMatchObject({ userType: 'user', allowanceBytes: 1024 * 1024 });
    expect(usage.usedBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(usage.usedBytes + last.body.details.incomingBytes).toBeGreaterThan(1024 * 1024);
  });

  it('answers a flood of parallel uploads from one user with 429 for those past the limit, and stores the rest whole', async () => {
    const flooder = (await registerUser(api.url, 'flooder')).accessToken;
    const pictures = await Promise.all(Array.from({ length: 12 }, (_, index) => makePicture('png', 200 + index, 200)));
    const results = await Promise.all(pictures.map((bytes) => upload(api.url, flooder, bytes)));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 201 || status === 429)).toBe(true);
    for (const refused of results.filter((result) => result.status === 429)) {
      expectError(refused as any, 429, 'RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const usage = await fetch(`${api.url}/api/media/usage`, { headers: { authorization: `Bearer ${flooder}` } }).then((response) => response.json() as Promise<any>);
    const accepted = results.filter((result) => result.status === 201).map((result) => result.body);
    // Every accepted upload is there with its thumbnail; the refused ones left nothing.
    const thumbnails = await Promise.all(accepted.map((asset) => fetch(`${api.url}${asset.thumbnailUrl}`, { headers: { authorization: `Bearer ${flooder}` } }).then((response) => response.arrayBuffer())));
    expect(usage.usedBytes).toBe(accepted.reduce((sum, asset) => sum + asset.bytes, 0) + thumbnails.reduce((sum, bytes) => sum + bytes.byteLength, 0));
  });
});

async function expectErrorResult(result: { status: number; body: any; headers: Headers }, status: number): Promise<{ status: number }> {
  expect(result.status).toBe(status);
  expect(typeof result.body.requestId).toBe('string');
  return result;
}

/** A tiny PNG whose header claims `width` × `height`: decoding it would need gigabytes. */
async function bombPng(width: number, height: number): Promise<Buffer> {
  const png = await makePicture('png', 1, 1);
  const bomb = Buffer.from(png);
  bomb.writeUInt32BE(width, 16);
  bomb.writeUInt32BE(height, 20);
  return bomb;
}
