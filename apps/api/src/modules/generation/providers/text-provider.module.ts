import { Global, Module } from '@nestjs/common';
import type { TextProvider } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { ProviderInfoService } from '../../../core/provider-info/provider-info.service';
import { TEXT_PROVIDER } from '../text-provider.token';
import { createTextProvider } from './text-provider.factory';

/**
 * Provides `TEXT_PROVIDER` (openai-compatible when configured, else builtin)
 * and what it is, as core's `ProviderInfoService`. Global, like config and
 * Redis: one provider per process, and core's health check reads what it is.
 */
@Global()
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
    { provide: ProviderInfoService, inject: [TEXT_PROVIDER], useFactory: (provider: TextProvider) => new ProviderInfoService(provider) },
  ],
  exports: [TEXT_PROVIDER, ProviderInfoService],
})
export class TextProviderModule {}
