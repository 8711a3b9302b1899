import type { RecordingContentType } from '@storyos/contracts';
import { filetypeinfo } from 'magic-bytes.js';

/**
 * The container a recording's magic bytes name, as the type it is stored
 * and sent on as. Matroska's EBML header is how MediaRecorder's WebM starts
 * (the signature table cannot tell WebM from MKV by the first bytes alone);
 * an Ogg page is Ogg whatever codec it carries; an ISO-BMFF `ftyp` box is
 * MP4/M4A audio as Safari records it.
 */
const CONTAINERS: Record<string, RecordingContentType> = {
  webm: 'audio/webm',
  mkv: 'audio/webm',
  mka: 'audio/webm',
  ogx: 'audio/ogg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
  m4a: 'audio/mp4',
};

/** The recording's type from its bytes, or null with the best guess at what the file is instead (for the message). */
export function recordingTypeOf(bytes: Uint8Array): { type: RecordingContentType | null; detected: string | null } {
  const guesses = filetypeinfo(bytes);
  for (const guess of guesses) {
    const type = CONTAINERS[guess.typename];
    if (type) return { type, detected: null };
  }
  const other = guesses[0];
  return { type: null, detected: other ? other.typename.toUpperCase() : null };
}

const EXTENSION: Record<RecordingContentType, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a' };

/** A file name for a recording of this type: transcription APIs read the container from the extension as much as from the bytes. */
export function recordingFileName(contentType: string): string {
  return `recording.${EXTENSION[contentType as RecordingContentType] ?? 'bin'}`;
}
