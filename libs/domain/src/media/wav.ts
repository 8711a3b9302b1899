/** Decoded PCM: one Float32Array per channel, samples in [-1, 1]. */
export interface PcmAudio {
  sampleRate: number;
  channels: Float32Array[];
}

/** Reads a RIFF/WAVE file with 16-bit integer or 32-bit float PCM; null when it is not one. */
export function parseWav(bytes: Uint8Array): PcmAudio | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let format: { code: number; channels: number; sampleRate: number; bits: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const declared = view.getUint32(offset + 4, true);
    const start = offset + 8;
    if (id === 'fmt ' && start + 16 <= bytes.length) {
      format = { code: view.getUint16(start, true), channels: view.getUint16(start + 2, true), sampleRate: view.getUint32(start + 4, true), bits: view.getUint16(start + 14, true) };
    }
    if (id === 'data') {
      // Streaming servers write 0xFFFFFFFF (or 0) as the size: the data runs to the end of the file.
      const end = declared === 0 || declared === 0xffffffff ? bytes.length : Math.min(bytes.length, start + declared);
      return format ? decode(view, start, end, format) : null;
    }
    offset = start + declared + (declared % 2);
  }
  return null;
}

function decode(view: DataView, start: number, end: number, format: { code: number; channels: number; sampleRate: number; bits: number }): PcmAudio | null {
  const { code, channels: count, sampleRate, bits } = format;
  // 1 = integer PCM, 3 = IEEE float, 0xFFFE = extensible (its sub-format matches the bit depth in practice).
  const isInt16 = bits === 16 && (code === 1 || code === 0xfffe);
  const isFloat32 = bits === 32 && (code === 3 || code === 0xfffe);
  if (count < 1 || sampleRate < 1 || (!isInt16 && !isFloat32)) return null;
  const frameBytes = (bits / 8) * count;
  const frames = Math.floor((end - start) / frameBytes);
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame += 1) {
    for (let channel = 0; channel < count; channel += 1) {
      const at = start + frame * frameBytes + channel * (bits / 8);
      channels[channel]![frame] = isInt16 ? view.getInt16(at, true) / 32768 : view.getFloat32(at, true);
    }
  }
  return { sampleRate, channels };
}

/** 16-bit PCM samples as floats in [-1, 1]. */
export function int16ToFloat(samples: Int16Array): Float32Array {
  const floats = new Float32Array(samples.length);
  for (let index = 0; index < samples.length; index += 1) floats[index] = samples[index]! / 32768;
  return floats;
}

/** Length in whole milliseconds. */
export function durationMsOf(audio: PcmAudio): number {
  return Math.round(((audio.channels[0]?.length ?? 0) / audio.sampleRate) * 1000);
}

/** A 16-bit PCM WAV file: what speech servers answer, and what tests feed the decoder. */
export function encodeWav(audio: PcmAudio): Uint8Array {
  const frames = audio.channels[0]?.length ?? 0;
  const count = audio.channels.length;
  const dataBytes = frames * count * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string): void => text.split('').forEach((char, index) => view.setUint8(at + index, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, count, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * count * 2, true);
  view.setUint16(32, count * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let frame = 0; frame < frames; frame += 1) {
    for (let channel = 0; channel < count; channel += 1) {
      const sample = Math.max(-1, Math.min(1, audio.channels[channel]![frame]!));
      view.setInt16(44 + (frame * count + channel) * 2, Math.round(sample * 32767), true);
    }
  }
  return bytes;
}
