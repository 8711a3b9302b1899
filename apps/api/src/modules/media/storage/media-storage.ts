import { Inject } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** Inclusive byte offsets, as in an HTTP Range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where media bytes live: local disk or an S3-compatible bucket. Keys are
 * content addresses (see `contentKey`), so `put` of bytes already stored is a
 * no-op and the same bytes are kept once however many rows use them.
 */
export interface MediaStorage {
  readonly kind: 'disk' | 's3';
  /** A short description for logs, e.g. "disk at /srv/media". */
  readonly detail: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The whole object, or `range` of it; `MissingMediaError` when it is not there. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');
export const InjectMediaStorage = (): ParameterDecorator => Inject(MEDIA_STORAGE);

/** A row points at bytes the storage does not have (deleted by hand, or a bucket swapped under us). */
export class MissingMediaError extends Error {
  constructor(readonly key: string) {
    super(`Media object ${key} is missing from storage`);
    this.name = 'MissingMediaError';
  }
}

/** `sha256/ab/cd/abcd…`: two fan-out levels keep directories and bucket listings small. */
export function contentKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
