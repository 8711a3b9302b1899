import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { MissingMediaError, type ByteRange, type MediaStorage } from './media-storage';

/** Media on local disk: one file per content key, written to a temporary name and renamed, so a reader never sees half a file. */
export class DiskMediaStorage implements MediaStorage {
  readonly kind = 'disk';
  readonly detail: string;

  constructor(private readonly root: string) {
    this.detail = `disk at ${root}`;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    if (await this.exists(key)) return;
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingMediaError(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are made by `contentKey` (hex and slashes only), so they cannot climb out of the root. */
  private pathOf(key: string): string {
    if (!/^[0-9a-z/]+$/.test(key) || key.includes('..')) throw new Error(`Not a media key: ${key}`);
    return join(this.root, key);
  }
}
