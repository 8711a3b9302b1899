import { Module, type OnApplicationShutdown } from '@nestjs/common';
import type { SpeechProvider } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { MediaCapabilitiesService } from './media-capabilities.service';
import { IMAGE_PROVIDER, InjectSpeechProvider, SPEECH_PROVIDER, TRANSCRIPTION_PROVIDER } from './media-provider.tokens';
import { createImageProvider, createSpeechProvider, createTranscriptionProvider } from './media-providers.factory';
import { BuiltinSpeechProvider } from './speech/builtin-speech.provider';

const withLogger = (logger: PinoLogger, context: string): PinoLogger => {
  logger.setContext(context);
  return logger;
};

/** The picture, speech and transcription providers, for the pipeline's steps and the capabilities route. */
@Module({
  providers: [
    { provide: IMAGE_PROVIDER, inject: [APP_CONFIG, PinoLogger], useFactory: (config: AppConfig, logger: PinoLogger) => createImageProvider(config.media, withLogger(logger, 'ImageProvider')) },
    { provide: SPEECH_PROVIDER, inject: [APP_CONFIG, PinoLogger], useFactory: (config: AppConfig, logger: PinoLogger) => createSpeechProvider(config.media, withLogger(logger, 'SpeechProvider')) },
    {
      provide: TRANSCRIPTION_PROVIDER,
      inject: [APP_CONFIG, PinoLogger],
      useFactory: (config: AppConfig, logger: PinoLogger) => createTranscriptionProvider(config.media, withLogger(logger, 'TranscriptionProvider')),
    },
    MediaCapabilitiesService,
  ],
  exports: [IMAGE_PROVIDER, SPEECH_PROVIDER, TRANSCRIPTION_PROVIDER, MediaCapabilitiesService],
})
export class MediaProvidersModule implements OnApplicationShutdown {
  constructor(@InjectSpeechProvider() private readonly speech: SpeechProvider) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.speech instanceof BuiltinSpeechProvider) await this.speech.close();
  }
}
