import { Global, Inject, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig, type AppConfig } from './app-config';

/** Injects the typed configuration: `@InjectConfig() config: AppConfig`. */
export const InjectConfig = (): ParameterDecorator => Inject(APP_CONFIG);

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
