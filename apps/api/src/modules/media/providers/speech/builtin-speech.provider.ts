import { int16ToFloat, ProviderError, voiceFor, type SpeechProvider, type SpeechRequest, type SynthesizedSpeech } from '@storyos/domain';
import { ProviderAbortedError } from '../provider-request';
import type { EspeakEngine } from './espeak-engine';
import { encodeMp3 } from './mp3-encoder';

/**
 * espeak-ng voices, as "language+variant": the narrator reads in Received
 * Pronunciation, each character gets another accent or variant.
 */
export const ESPEAK_NARRATOR_VOICE = 'en-gb-x-rp';
export const ESPEAK_VOICES: readonly string[] = [ESPEAK_NARRATOR_VOICE, 'en-us+f3', 'en-us+m3', 'en-gb-scotland+m1', 'en-us+f4', 'en-gb-x-gbclan+m4', 'en-us-nyc+f2', 'en-029+m2'];

/** Words a minute: a little slower than espeak's 175, as a storyteller reads. */
const STORY_RATE = 160;

/** Offline narration: espeak-ng in WebAssembly, encoded to MP3. Robotic but always there, with no system package. */
export class BuiltinSpeechProvider implements SpeechProvider {
  readonly name = 'builtin';
  readonly model = 'espeak-ng';
  readonly voices = ESPEAK_VOICES;

  constructor(private readonly engine: EspeakEngine) {}

  voiceFor(speaker: string | undefined): string {
    return voiceFor(speaker, { voices: this.voices, narratorVoice: ESPEAK_NARRATOR_VOICE });
  }

  /** Ends the engine thread, if one was started. */
  close(): Promise<void> {
    return this.engine.close();
  }

  async synthesize(request: SpeechRequest, signal: AbortSignal): Promise<SynthesizedSpeech> {
    const voice = request.voice ?? this.voiceFor(request.speaker);
    if (!this.voices.includes(voice)) throw new ProviderError(`The builtin voice has no "${voice}"; choose one of ${this.voices.join(', ')}.`, false);
    if (!request.text.trim()) throw new ProviderError('There is no text to speak.', false);
    let spoken: { pcm: Int16Array; sampleRate: number };
    try {
      spoken = await this.engine.synthesize(request.text, voice, STORY_RATE, signal);
    } catch (error) {
      if (signal.aborted) throw new ProviderAbortedError();
      throw new ProviderError(`The builtin voice failed: ${(error as Error).message}`, false);
    }
    const mp3 = await encodeMp3({ sampleRate: spoken.sampleRate, channels: [int16ToFloat(spoken.pcm)] });
    return { bytes: mp3.bytes, contentType: 'audio/mpeg', durationMs: mp3.durationMs, provider: this.name, model: this.model, voice, costCents: null };
  }
}
