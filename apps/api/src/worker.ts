import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './core/config/app-config';
import { closeOnSignals } from './core/shutdown';
import { exitOnStartupError } from './core/startup-error';
import { WorkerModule } from './worker.module';

/**
 * No HTTP listener: it runs the queue processors. See closeOnSignals for how
 * running jobs are finished or handed back on shutdown.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig(); // fail fast with a readable list before Nest starts
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();
  closeOnSignals(app, config.queues.shutdownTimeoutSeconds);
  app.get(Logger).log(`Worker ${process.pid} is processing jobs`);
}

bootstrap().catch(exitOnStartupError);
