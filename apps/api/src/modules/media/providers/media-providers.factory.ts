import type { ImageProvider, SpeechProvider, TranscriptionProvider } from '@storyos/domain';
import type { AppConfig } from '../../../core/config/app-config';
import type { ProviderLogger } from '../../../core/providers/provider-logger';
import { BuiltinImageProvider } from './image/builtin-image.provider';
import { OpenAiCompatibleImageProvider } from './image/openai-compatible-image.provider';
import { BuiltinSpeechProvider } from './speech/builtin-speech.provider';
import { EspeakEngine } from './speech/espeak-engine';
import { OpenAiCompatibleSpeechProvider } from './speech/openai-compatible-speech.provider';
import { OpenAiCompatibleTranscriptionProvider } from './transcription/openai-compatible-transcription.provider';

export function createImageProvider(media: AppConfig['media'], logger: ProviderLogger): ImageProvider {
  const { image } = media;
  const provider =
    image.baseUrl && image.model
      ? new OpenAiCompatibleImageProvider({ ...image, baseUrl: image.baseUrl, model: image.model }, media.providerMaxRetries, logger)
      : new BuiltinImageProvider();
  logger.info({ provider: provider.name, model: provider.model }, `Image provider: ${provider.name} (${provider.model})`);
  return provider;
}

export function createSpeechProvider(media: AppConfig['media'], logger: ProviderLogger): SpeechProvider {
  const { speech } = media;
  const provider =
    speech.baseUrl && speech.model
      ? new OpenAiCompatibleSpeechProvider({ ...speech, baseUrl: speech.baseUrl, model: speech.model }, media.providerMaxRetries, logger)
      : new BuiltinSpeechProvider(new EspeakEngine(require.resolve('@echogarden/espeak-ng-emscripten')));
  logger.info({ provider: provider.name, model: provider.model }, `Speech provider: ${provider.name} (${provider.model})`);
  return provider;
}

export function createTranscriptionProvider(media: AppConfig['media'], logger: ProviderLogger): TranscriptionProvider | null {
  const { transcription } = media;
  if (!transcription.baseUrl) {
    logger.info({}, 'Transcription provider: none (clients use the browser’s speech recognition)');
    return null;
  }
  const provider = new OpenAiCompatibleTranscriptionProvider({ ...transcription, baseUrl: transcription.baseUrl }, media.providerMaxRetries, logger);
  logger.info({ provider: provider.name, model: provider.model }, `Transcription provider: ${provider.name} (${provider.model})`);
  return provider;
}
