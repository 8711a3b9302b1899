import { Injectable, StreamableFile } from '@nestjs/common';
import contentDisposition from 'content-disposition';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { PinoLogger } from 'nestjs-pino';
import type { MediaAssetEntity } from '../entities/media-asset.entity';
import { MediaErrors } from '../media.errors';
import { contentKey, InjectMediaStorage, MissingMediaError, type ByteRange, type MediaStorage } from '../storage/media-storage';

/** A year: the bytes behind a media id never change, so clients may keep them for good. */
const IMMUTABLE = 'max-age=31536000, immutable';

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'audio/wav': 'wav', 'audio/webm': 'webm' };

/**
 * Answers a GET for stored media the way browsers and players expect:
 * ETag and 304, immutable caching (private unless the media is public),
 * single byte ranges (206, 416), the stored content type with nosniff, and
 * an inline Content-Disposition with a clean file name.
 */
@Injectable()
export class MediaResponder {
  constructor(
    @InjectMediaStorage() private readonly storage: MediaStorage,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MediaResponder.name);
  }

  async respond(row: MediaAssetEntity, request: Request, response: Response): Promise<StreamableFile | undefined> {
    const etag = `"${row.sha256}"`;
    response.set({
      ETag: etag,
      'Cache-Control': `${row.isPublic ? 'public' : 'private'}, ${IMMUTABLE}`,
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      // Opened directly, the file is a file: no script, no plugin, no form runs from it.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': contentDisposition(fileNameOf(row), { type: 'inline' }),
    });
    if (!row.isPublic) response.vary('Authorization');
    if (matchesNoneMatch(request.headers['if-none-match'], etag)) {
      response.status(304);
      return undefined;
    }
    const range = this.rangeOf(request, row, etag);
    const stream = await this.open(row, range);
    response.type(row.contentType);
    if (range) {
      response.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${row.bytes}`);
      return new StreamableFile(stream, { length: range.end - range.start + 1 });
    }
    return new StreamableFile(stream, { length: row.bytes });
  }

  /**
   * One satisfiable range, or null for the whole file. Per RFC 9110 a
   * malformed Range, several ranges and a stale If-Range are ignored (the
   * whole file is sent); a well-formed range wholly outside the file is 416.
   */
  private rangeOf(request: Request, row: MediaAssetEntity, etag: string): ByteRange | null {
    if (!request.headers.range) return null;
    const ifRange = request.headers['if-range'];
    if (ifRange !== undefined && ifRange !== etag) return null;
    const ranges = request.range(row.bytes, { combine: true });
    if (ranges === -1) throw MediaErrors.rangeNotSatisfiable(row.bytes);
    if (ranges === undefined || ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return null;
    return { start: ranges[0]!.start, end: ranges[0]!.end };
  }

  private async open(row: MediaAssetEntity, range: ByteRange | null): Promise<Readable> {
    try {
      return await this.storage.read(contentKey(row.sha256), range ?? undefined);
    } catch (error) {
      if (!(error instanceof MissingMediaError)) throw error;
      this.logger.error({ mediaId: row.id, ownerId: row.ownerId, key: error.key }, 'A media row points at bytes missing from storage');
      throw MediaErrors.missingBytes();
    }
  }
}

/** If-None-Match holds `*` or a list of (possibly weak) ETags; weak comparison applies to GET. */
function matchesNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

function fileNameOf(row: MediaAssetEntity): string {
  return row.fileName ?? `${row.kind}-${row.id.slice(0, 8)}.${EXTENSION[row.contentType] ?? 'bin'}`;
}
