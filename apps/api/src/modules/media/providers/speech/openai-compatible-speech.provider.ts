import { parseWav, ProviderError, voiceFor, type SpeechProvider, type SpeechRequest, type SynthesizedSpeech } from '@storyos/domain';
import type { AppConfig } from '../../../../core/config/app-config';
import type { ProviderLogger } from '../../../../core/providers/provider-logger';
import { authHeaders, endpoint, providerRequest, readLimited } from '../provider-request';
import { encodeMp3 } from './mp3-encoder';

/** OpenAI's voices, the default list when SPEECH_VOICES is not set. */
export const OPENAI_VOICES: readonly string[] = ['fable', 'alloy', 'ash', 'coral', 'echo', 'nova', 'onyx', 'sage', 'shimmer'];

/** Half an hour of 24 kHz 16-bit mono WAV. */
const MAX_WAV_BYTES = 90 * 1024 * 1024;

/**
 * Narration from an OpenAI-compatible speech API (OpenAI, Kokoro-FastAPI,
 * openedai-speech, LocalAI…). It is asked for WAV, which every such server
 * speaks, so the duration is exact and the MP3 is encoded the same way as
 * the builtin voice's.
 */
export class OpenAiCompatibleSpeechProvider implements SpeechProvider {
  readonly name = 'openai-compatible';
  readonly model: string;
  readonly voices: readonly string[];
  private readonly narratorVoice: string;

  constructor(
    private readonly config: AppConfig['media']['speech'] & { model: string; baseUrl: string },
    private readonly maxRetries: number,
    private readonly logger: ProviderLogger,
  ) {
    this.model = config.model;
    this.voices = config.voices ?? OPENAI_VOICES;
    this.narratorVoice = config.narratorVoice ?? this.voices[0]!;
  }

  voiceFor(speaker: string | undefined): string {
    return voiceFor(speaker, { voices: this.voices, narratorVoice: this.narratorVoice });
  }

  async synthesize(request: SpeechRequest, signal: AbortSignal): Promise<SynthesizedSpeech> {
    const voice = request.voice ?? this.voiceFor(request.speaker);
    const wav = await providerRequest(
      {
        url: endpoint(this.config.baseUrl, 'audio/speech'),
        init: () => ({
          headers: { 'content-type': 'application/json', ...authHeaders(this.config.apiKey) },
          body: JSON.stringify({ model: this.model, input: request.text, voice, response_format: 'wav' }),
        }),
        model: this.model,
        timeoutMs: this.config.timeoutMs,
        maxRetries: this.maxRetries,
        onRetry: (retry) => this.logger.warn(retry, 'Retrying the speech API'),
        read: (response) => readLimited(response, MAX_WAV_BYTES),
      },
      signal,
    );
    const audio = parseWav(wav);
    if (!audio) throw new ProviderError('The speech API did not answer with WAV audio; check that it supports response_format "wav".', false);
    const mp3 = await encodeMp3(audio);
    return { bytes: mp3.bytes, contentType: 'audio/mpeg', durationMs: mp3.durationMs, provider: this.name, model: this.model, voice, costCents: null };
  }
}
