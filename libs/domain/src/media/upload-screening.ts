import type { UploadContentType } from '@storyos/contracts';
import { imageEnd } from './image-structure';

/** What is known about an upload before it is decoded. */
export interface UploadFacts {
  bytes: Uint8Array;
  /** The picture type its magic bytes name; null when they name none we take. */
  detectedType: UploadContentType | null;
  /** What the magic bytes name otherwise (e.g. "SVG"), for the message. */
  detectedOther: string | null;
}

export interface UploadRule {
  name: string;
  /** Why the rule exists. */
  reason: string;
  /** The problem in plain words, or null when the file passes. */
  check(facts: UploadFacts): string | null;
}

/** Markup a browser would run or render if it were ever tricked into reading the file as a page. */
const MARKUP = ['<script', '<html', '<svg', '<!doctype html', '<?php', '<iframe', '<body', '<object', '<embed', 'javascript:'];

const MARKUP_BYTES = MARKUP.map((marker) => Array.from(marker, (char) => char.charCodeAt(0)));

/** One pass over the bytes, comparing ASCII case-insensitively wherever a marker could start. */
function containsMarkup(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index += 1) {
    const first = lower(bytes[index]);
    if (first !== 0x3c && first !== 0x6a) continue; // '<' or 'j'
    for (const marker of MARKUP_BYTES) {
      if (marker.every((code, offset) => lower(bytes[index + offset]) === code)) return true;
    }
  }
  return false;
}

const lower = (byte: number | undefined): number => (byte !== undefined && byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : (byte ?? -1));

/** Bytes some cameras and editors pad a file with after the picture; harmless. */
const isPadding = (byte: number): boolean => byte === 0x00 || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0xff;

/** Screening every upload goes through before it is decoded; the first rule that fails decides. */
export const UPLOAD_RULES: readonly UploadRule[] = [
  {
    name: 'empty',
    reason: 'A zero-byte file is a failed upload, not a picture.',
    check: (facts) => (facts.bytes.length === 0 ? 'The file is empty.' : null),
  },
  {
    name: 'not-a-picture',
    reason: "The type is decided by the file's own bytes: an SVG or web page renamed .png is still not a picture.",
    check: (facts) =>
      facts.detectedType ? null : `This file is not a JPEG, PNG or WebP picture${facts.detectedOther ? ` (it looks like ${facts.detectedOther})` : ''}.`,
  },
  {
    name: 'truncated',
    reason: 'A file that ends before its picture does is a broken upload.',
    check: (facts) => (facts.detectedType && imageEnd(facts.bytes, facts.detectedType) === null ? 'The picture is incomplete: the file ends before the image does.' : null),
  },
  {
    name: 'data-after-picture',
    reason: 'Bytes after the end of the picture are how polyglot files smuggle a script or an archive.',
    check: (facts) => {
      if (!facts.detectedType) return null;
      const end = imageEnd(facts.bytes, facts.detectedType);
      if (end === null) return null;
      for (let index = end; index < facts.bytes.length; index += 1) {
        if (!isPadding(facts.bytes[index]!)) return 'The file carries extra data after the picture. Save the picture again from an image editor and upload that.';
      }
      return null;
    },
  },
  {
    name: 'markup-inside',
    reason: 'A picture has no reason to carry web page or script markup; files that do are built to be misread.',
    check: (facts) => (containsMarkup(facts.bytes) ? 'The file contains web page or script code inside the picture.' : null),
  },
];

/** The first problem with an upload, with the rule that found it; null when it may be decoded. */
export function screenUpload(facts: UploadFacts): { rule: string; message: string } | null {
  for (const rule of UPLOAD_RULES) {
    const message = rule.check(facts);
    if (message) return { rule: rule.name, message };
  }
  return null;
}

/** The largest picture StoryOS decodes: beyond this a small file can expand into gigabytes of pixels. */
export const MAX_UPLOAD_SIDE = 12_000;
export const MAX_UPLOAD_PIXELS = 40_000_000;

/** A problem with a picture's declared size, or null. */
export function dimensionProblem(width: number, height: number): string | null {
  if (width < 1 || height < 1) return 'The picture has no width or height.';
  if (width > MAX_UPLOAD_SIDE || height > MAX_UPLOAD_SIDE || width * height > MAX_UPLOAD_PIXELS) {
    return `The picture is ${width} × ${height} pixels; the largest accepted is ${MAX_UPLOAD_SIDE} pixels a side and ${MAX_UPLOAD_PIXELS / 1_000_000} megapixels.`;
  }
  return null;
}
