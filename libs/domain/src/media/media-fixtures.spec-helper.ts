/** Hand-built picture skeletons: enough structure for the walkers, no pixels decoded. */
const u32 = (value: number): number[] => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

function pngChunk(type: string, data: number[]): number[] {
  return [...u32(data.length), ...ascii(type), ...data, 0, 0, 0, 0];
}

export function pngSkeleton(extra: number[] = []): Uint8Array {
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...pngChunk('IHDR', [...u32(2), ...u32(2), 8, 2, 0, 0, 0]),
    ...pngChunk('IDAT', [1, 2, 3, 4]),
    ...pngChunk('IEND', []),
    ...extra,
  ]);
}

export function jpegSkeleton(extra: number[] = []): Uint8Array {
  return Uint8Array.from([
    0xff, 0xd8,
    // APP1 carrying an embedded thumbnail's own SOI/EOI, which must not end the walk.
    0xff, 0xe1, 0x00, 0x08, 0xff, 0xd8, 0xff, 0xd9, 0x00, 0x00,
    0xff, 0xdb, 0x00, 0x04, 0x01, 0x02,
    0xff, 0xda, 0x00, 0x03, 0x00,
    // Scan data with a stuffed 0xFF00 and a restart marker inside.
    0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56,
    0xff, 0xd9,
    ...extra,
  ]);
}

export function webpSkeleton(extra: number[] = []): Uint8Array {
  const body = [...ascii('WEBP'), ...ascii('VP8 '), 4, 0, 0, 0, 9, 9, 9, 9];
  const size = body.length;
  return Uint8Array.from([...ascii('RIFF'), size & 0xff, (size >> 8) & 0xff, 0, 0, ...body, ...extra]);
}

export const asciiBytes = ascii;
