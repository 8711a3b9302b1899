import type { MediaAsset } from '@storyos/contracts';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/** A real picture of the given type and size: a soft gradient, so it compresses like a photo rather than a flat fill. */
export async function makePicture(format: 'png' | 'jpeg' | 'webp', width = 64, height = 48, exif?: Record<string, Record<string, string>>): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) raw.set([(x * 255) / width, (y * 255) / height, 128], (y * width + x) * 3);
  }
  let image = sharp(raw, { raw: { width, height, channels: 3 } });
  if (exif) image = image.withExif(exif);
  return image.toFormat(format).toBuffer();
}

export interface UploadResult {
  status: number;
  body: any;
  headers: Headers;
}

/** Uploads bytes as multipart form data, the way a browser's FormData does. */
export async function upload(baseUrl: string, token: string | null, bytes: Uint8Array, fileName = 'picture.png', contentType = 'image/png', field = 'file'): Promise<UploadResult> {
  const form = new FormData();
  form.append(field, new Blob([bytes], { type: contentType }), fileName);
  const response = await fetch(`${baseUrl}/api/media/uploads`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export async function uploadOk(baseUrl: string, token: string, bytes: Uint8Array, fileName = 'picture.png'): Promise<MediaAsset> {
  const result = await upload(baseUrl, token, bytes, fileName);
  if (result.status !== 201) throw new Error(`upload failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as MediaAsset;
}

export async function countMediaRows(api: TestApp): Promise<number> {
  const [row] = await api.app.get(DataSource).query('SELECT count(*)::int AS count FROM media_assets');
  return (row as { count: number }).count;
}

/** Every stored object under a disk storage root (temporary files included). */
export async function filesUnder(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
