import type { PcmAudio } from '@storyos/domain';
import { durationMsOf } from '@storyos/domain';
import { createMp3Encoder } from 'wasm-media-encoders';

/** Samples handed to the encoder per call; each call's output is copied before the next reuses the buffer. */
const BLOCK = 1152 * 64;

/**
 * PCM to MP3 with LAME compiled to WebAssembly: VBR quality 5 is plenty for
 * a voice (about 40–60 kbit/s mono), so a minute of narration is ~400 KB.
 */
export async function encodeMp3(audio: PcmAudio): Promise<{ bytes: Buffer; durationMs: number }> {
  const channels = audio.channels.slice(0, 2);
  const encoder = await createMp3Encoder();
  encoder.configure({ sampleRate: audio.sampleRate, channels: channels.length as 1 | 2, vbrQuality: 5 });
  const parts: Buffer[] = [];
  const frames = channels[0]?.length ?? 0;
  for (let start = 0; start < frames; start += BLOCK) {
    parts.push(Buffer.from(encoder.encode(channels.map((channel) => channel.subarray(start, start + BLOCK)))));
  }
  parts.push(Buffer.from(encoder.finalize()));
  return { bytes: Buffer.concat(parts), durationMs: durationMsOf(audio) };
}
