import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { APP_CONFIG, loadConfig, type AppConfig } from './core/config/app-config';
import { configureApp, HTTP_APP_OPTIONS } from './core/http/configure-app';
import { closeOnSignals } from './core/shutdown';
import { exitOnStartupError } from './core/startup-error';

async function bootstrap(): Promise<void> {
  loadConfig(); // fail fast with a readable list before Nest starts
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...HTTP_APP_OPTIONS, abortOnError: false });
  const config = app.get<AppConfig>(APP_CONFIG);
  configureApp(app, config);
  await app.listen(config.http.port, config.http.host);
  closeOnSignals(app, config.queues.shutdownTimeoutSeconds);
}

bootstrap().catch(exitOnStartupError);
