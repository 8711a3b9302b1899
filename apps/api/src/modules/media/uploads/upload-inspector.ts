import { Injectable } from '@nestjs/common';
import { UploadContentTypeSchema, type UploadContentType } from '@storyos/contracts';
import { dimensionProblem, MAX_UPLOAD_PIXELS, screenUpload } from '@storyos/domain';
import { filetypeinfo } from 'magic-bytes.js';
import sharp, { type Sharp } from 'sharp';
import { MediaErrors } from '../media.errors';

/** An upload that passed every check, re-encoded without its metadata, with its preview. */
export interface CleanPicture {
  contentType: UploadContentType;
  bytes: Buffer;
  width: number;
  height: number;
  thumbnail: { bytes: Buffer; contentType: 'image/webp'; width: number; height: number };
}

/** Previews fit in this square, enough for a chat bubble or a list. */
const THUMBNAIL_SIDE = 320;

const ENCODE: Record<UploadContentType, (image: Sharp) => Sharp> = {
  'image/jpeg': (image) => image.jpeg({ quality: 88, mozjpeg: true }),
  'image/png': (image) => image.png({ compressionLevel: 9 }),
  'image/webp': (image) => image.webp({ quality: 88 }),
};

const SHARP_FORMAT: Record<UploadContentType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * Decides what an upload really is and makes it safe to serve: the type from
 * its magic bytes (never the client's label), the structural screening rules,
 * a size check before any pixel is decoded, then a full decode and re-encode,
 * which drops EXIF/GPS and anything else riding along.
 */
@Injectable()
export class UploadInspector {
  async inspect(bytes: Buffer): Promise<CleanPicture> {
    const { detectedType, detectedOther } = sniff(bytes);
    const refusal = screenUpload({ bytes, detectedType, detectedOther });
    if (refusal || !detectedType) throw MediaErrors.unreadableUpload(refusal?.message ?? 'This file is not a picture.', refusal?.rule ?? 'not-a-picture');

    const header = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
    if (!header?.width || !header.height || header.format !== SHARP_FORMAT[detectedType]) {
      throw MediaErrors.unreadableUpload('The picture could not be read: the file is damaged or not what it claims to be.', 'undecodable');
    }
    const tooBig = dimensionProblem(header.width, header.height);
    if (tooBig) throw MediaErrors.unreadableUpload(tooBig, 'too-many-pixels');

    try {
      // failOn 'truncated' refuses pictures whose pixel data stops early; rotate() applies the EXIF orientation before it is dropped.
      const source = (): Sharp => sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_UPLOAD_PIXELS }).rotate();
      const cleaned = await ENCODE[detectedType](source()).toBuffer({ resolveWithObject: true });
      const preview = await source().resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      return {
        contentType: detectedType,
        bytes: cleaned.data,
        width: cleaned.info.width,
        height: cleaned.info.height,
        thumbnail: { bytes: preview.data, contentType: 'image/webp', width: preview.info.width, height: preview.info.height },
      };
    } catch {
      throw MediaErrors.unreadableUpload('The picture could not be read: the file is damaged or incomplete.', 'undecodable');
    }
  }
}

/** The picture type the magic bytes name, else the best guess at what the file is, for the message. */
function sniff(bytes: Buffer): { detectedType: UploadContentType | null; detectedOther: string | null } {
  const guesses = filetypeinfo(bytes);
  for (const guess of guesses) {
    const type = UploadContentTypeSchema.safeParse(guess.mime);
    if (type.success) return { detectedType: type.data, detectedOther: null };
  }
  const other = guesses[0];
  return { detectedType: null, detectedOther: other ? (other.typename.length <= 5 ? other.typename.toUpperCase() : other.typename) : null };
}
