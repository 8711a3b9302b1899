import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { QUEUE_NAMES } from '@storyos/contracts';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';

/** Errors of one queue are logged at most this often while its Redis stays away. */
const REPORT_EVERY_MS = 60_000;

/**
 * A queue whose Redis connection drops emits 'error' on every retry; without
 * a listener BullMQ prints each one to the console. Here they are logged with
 * the queue's name, at most once a minute.
 */
@Injectable()
export class QueueErrorLogger implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(QueueErrorLogger.name);
  }

  onApplicationBootstrap(): void {
    for (const name of Object.values(QUEUE_NAMES)) {
      const queue = this.queueNamed(name);
      // A process that registers no such queue (the seed, a CLI command) has nothing to watch.
      if (!queue) continue;
      let lastReport = 0;
      queue.on('error', (error: Error) => {
        if (Date.now() - lastReport < REPORT_EVERY_MS) return;
        lastReport = Date.now();
        this.logger.warn({ queue: name, err: error.message }, 'Queue lost its Redis connection; retrying');
      });
    }
  }

  private queueNamed(name: string): Queue | null {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return null;
    }
  }
}
