import type { UploadContentType } from '@storyos/contracts';

/**
 * Where the picture's own bytes end, read from the format's structure (PNG
 * chunks up to IEND, JPEG segments up to EOI, the WebP RIFF size); null when
 * the structure is broken or the file stops before the picture does.
 */
export function imageEnd(bytes: Uint8Array, type: UploadContentType): number | null {
  switch (type) {
    case 'image/png':
      return pngEnd(bytes);
    case 'image/jpeg':
      return jpegEnd(bytes);
    case 'image/webp':
      return webpEnd(bytes);
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngEnd(bytes: Uint8Array): number | null {
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PNG_SIGNATURE.length;
  // Each chunk: length (4), type (4), data (length), CRC (4).
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const next = offset + 12 + length;
    if (next > bytes.length) return null;
    if (type === 'IEND') return next;
    offset = next;
  }
  return null;
}

const JPEG_STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8]);

function jpegEnd(bytes: Uint8Array): number | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[offset] === 0xff) offset += 1;
    const marker = bytes[offset];
    if (marker === undefined) return null;
    offset += 1;
    if (marker === 0xd9) return offset;
    if (JPEG_STANDALONE.has(marker)) continue;
    if (offset + 2 > bytes.length) return null;
    const length = (bytes[offset]! << 8) | bytes[offset + 1]!;
    if (length < 2) return null;
    offset += length;
    if (offset > bytes.length) return null;
    if (marker === 0xda) {
      const scanEnd = endOfScan(bytes, offset);
      if (scanEnd === null) return null;
      offset = scanEnd;
    }
  }
  return null;
}

/** Entropy-coded data ends at the first marker that is neither a stuffed 0xFF00 nor a restart marker. */
function endOfScan(bytes: Uint8Array, from: number): number | null {
  for (let index = from; index + 1 < bytes.length; index += 1) {
    if (bytes[index] !== 0xff) continue;
    const next = bytes[index + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return index;
  }
  return null;
}

function webpEnd(bytes: Uint8Array): number | null {
  if (bytes.length < 12) return null;
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WEBP') return null;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const end = 8 + size + (size % 2);
  return end > bytes.length ? null : end;
}
