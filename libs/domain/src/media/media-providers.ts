import type { MediaProviderName } from '@storyos/contracts';

/** A picture to make for a scene. */
export interface ImageRequest {
  /** The scene's own text: the prompt for an images API, the source the builtin illustrator reads. */
  prompt: string;
  /** A line to print under the picture (builtin); defaults to the scene's first sentence. */
  caption?: string;
  /** Names of the characters present, when the caller knows them. */
  characters?: string[];
  aspect?: 'landscape' | 'square' | 'portrait';
  /** Same seed + same request → the same picture from the builtin illustrator. */
  seed?: number;
}

export interface RenderedImage {
  bytes: Uint8Array;
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  provider: MediaProviderName;
  model: string;
  /** What the provider charged, in US cents, when known. */
  costCents: number | null;
  /** The prompt the provider says it really used, when it rewrote ours. */
  revisedPrompt?: string;
}

/** The port every picture provider implements; aborting the signal stops the request. */
export interface ImageProvider {
  readonly name: MediaProviderName;
  readonly model: string;
  render(request: ImageRequest, signal: AbortSignal): Promise<RenderedImage>;
}

/** Text to speak, best one piece from `splitForSpeech` at a time. */
export interface SpeechRequest {
  text: string;
  /** `narrator` (the default) or a character's name; each gets its own voice where the engine has several. */
  speaker?: string;
  /** A voice the provider offers, overriding the one the speaker would get. */
  voice?: string;
}

export interface SynthesizedSpeech {
  bytes: Uint8Array;
  /** Compressed for the web. */
  contentType: 'audio/mpeg';
  durationMs: number;
  provider: MediaProviderName;
  model: string;
  voice: string;
  costCents: number | null;
}

export interface SpeechProvider {
  readonly name: MediaProviderName;
  readonly model: string;
  readonly voices: readonly string[];
  /** The voice a speaker gets (see `voiceFor`). */
  voiceFor(speaker: string | undefined): string;
  synthesize(request: SpeechRequest, signal: AbortSignal): Promise<SynthesizedSpeech>;
}

/** Recorded audio to turn into text. */
export interface AudioClip {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export interface Transcript {
  text: string;
  /** The language the provider heard, when it says. */
  language: string | null;
  durationMs: number | null;
  provider: MediaProviderName;
  model: string;
}

export interface TranscriptionProvider {
  readonly name: MediaProviderName;
  readonly model: string;
  transcribe(audio: AudioClip, signal: AbortSignal, options?: { language?: string }): Promise<Transcript>;
}
