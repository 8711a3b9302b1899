import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/**
 * On SIGTERM/SIGINT: close the app (HTTP stops accepting, BullMQ workers let
 * running jobs finish) and exit 0. If that takes longer than the timeout we
 * exit anyway; an unfinished job's lock then lapses and another worker retries it.
 */
export function closeOnSignals(app: INestApplicationContext, timeoutSeconds: number): void {
  const logger = app.get(Logger);
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received; shutting down`);
    const timer = setTimeout(() => {
      logger.warn(`Shutdown took longer than ${timeoutSeconds}s; exiting with work unfinished`);
      process.exit(1);
    }, timeoutSeconds * 1000);
    timer.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
