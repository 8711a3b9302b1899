import { durationMsOf, encodeWav, parseWav } from './wav';

describe('WAV audio', () => {
  const tone = { sampleRate: 8000, channels: [Float32Array.from({ length: 8000 }, (_, index) => Math.sin(index / 5) * 0.5)] };

  it('reads back what it wrote, within 16-bit precision', () => {
    const parsed = parseWav(encodeWav(tone));
    expect(parsed?.sampleRate).toBe(8000);
    expect(parsed?.channels).toHaveLength(1);
    expect(parsed?.channels[0]).toHaveLength(8000);
    expect(Math.abs(parsed!.channels[0]![100]! - tone.channels[0]![100]!)).toBeLessThan(1 / 16_000);
    expect(durationMsOf(parsed!)).toBe(1000);
  });

  it('reads a streamed WAV whose data size is unknown to the end of the file', () => {
    const bytes = encodeWav(tone);
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(parseWav(bytes)?.channels[0]).toHaveLength(8000);
  });

  it('reads stereo 32-bit float audio', () => {
    const frames = 4;
    const bytes = new Uint8Array(44 + frames * 8);
    const view = new DataView(bytes.buffer);
    bytes.set(encodeWav({ sampleRate: 16000, channels: [new Float32Array(frames), new Float32Array(frames)] }).subarray(0, 44));
    view.setUint16(20, 3, true);
    view.setUint16(34, 32, true);
    view.setUint32(40, frames * 8, true);
    view.setFloat32(44 + 8 * 2 + 4, -0.25, true);
    const parsed = parseWav(bytes);
    expect(parsed?.channels).toHaveLength(2);
    expect(parsed?.channels[1]![2]).toBe(-0.25);
  });

  it('says null for what is not WAV', () => {
    expect(parseWav(new TextEncoder().encode('ID3 this is an mp3'))).toBeNull();
    expect(parseWav(new Uint8Array())).toBeNull();
  });
});
