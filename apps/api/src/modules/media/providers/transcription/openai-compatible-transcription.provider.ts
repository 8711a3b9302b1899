import { ProviderError, type AudioClip, type Transcript, type TranscriptionProvider } from '@storyos/domain';
import { z } from 'zod';
import type { AppConfig } from '../../../../core/config/app-config';
import type { ProviderLogger } from '../../../../core/providers/provider-logger';
import { authHeaders, endpoint, providerRequest } from '../provider-request';

const TranscriptionSchema = z.object({ text: z.string(), language: z.string().optional(), duration: z.number().optional() });

/**
 * Speech to text through an OpenAI-compatible transcription API (OpenAI,
 * whisper.cpp's server, faster-whisper-server, LocalAI…), sent as multipart.
 */
export class OpenAiCompatibleTranscriptionProvider implements TranscriptionProvider {
  readonly name = 'openai-compatible';
  readonly model: string;

  constructor(
    private readonly config: AppConfig['media']['transcription'] & { baseUrl: string },
    private readonly maxRetries: number,
    private readonly logger: ProviderLogger,
  ) {
    this.model = config.model;
  }

  async transcribe(audio: AudioClip, signal: AbortSignal, options: { language?: string } = {}): Promise<Transcript> {
    const answer = await providerRequest(
      {
        url: endpoint(this.config.baseUrl, 'audio/transcriptions'),
        init: () => {
          const form = new FormData();
          form.append('file', new Blob([audio.bytes], { type: audio.contentType }), audio.fileName);
          form.append('model', this.model);
          form.append('response_format', 'json');
          if (options.language) form.append('language', options.language);
          return { headers: authHeaders(this.config.apiKey), body: form };
        },
        model: this.model,
        timeoutMs: this.config.timeoutMs,
        maxRetries: this.maxRetries,
        onRetry: (retry) => this.logger.warn(retry, 'Retrying the transcription API'),
        read: async (response) => {
          const parsed = TranscriptionSchema.safeParse(await response.json().catch(() => null));
          if (!parsed.success) throw new ProviderError('The transcription API answered without text.', false);
          return parsed.data;
        },
      },
      signal,
    );
    return {
      text: answer.text.trim(),
      language: answer.language ?? null,
      durationMs: answer.duration === undefined ? null : Math.round(answer.duration * 1000),
      provider: this.name,
      model: this.model,
    };
  }
}
