import { Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { TEXT_PROVIDER } from '../text-provider.token';
import { ProviderInfoService } from './provider-info.service';
import { createTextProvider } from './text-provider.factory';

/** Provides `TEXT_PROVIDER` (openai-compatible when configured, else builtin) and what it is, as `ProviderInfoService`. */
@Module({
  providers: [
    {
      provide: TEXT_PROVIDER,
      inject: [APP_CONFIG, PinoLogger],
      useFactory: (config: AppConfig, logger: PinoLogger) => {
        logger.setContext('TextProvider');
        return createTextProvider(config.llm, logger);
      },
    },
    ProviderInfoService,
  ],
  exports: [TEXT_PROVIDER, ProviderInfoService],
})
export class TextProviderModule {}
