import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './core/config/app-config';
import { exitOnStartupError } from './core/startup-error';
import { WorkerModule } from './worker.module';

/**
 * No HTTP listener. On SIGTERM/SIGINT Nest closes the BullMQ workers, which
 * wait for running jobs to finish; a job cut off by a hard kill is picked up
 * again by another worker once its lock expires.
 */
async function bootstrap(): Promise<void> {
  loadConfig(); // fail fast with a readable list before Nest starts
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`Worker ${process.pid} is processing jobs`);
}

bootstrap().catch(exitOnStartupError);
