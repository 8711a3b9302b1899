import { Processor, type WorkerHost } from '@nestjs/bullmq';
import type { Provider, Type } from '@nestjs/common';
import type { QueueName } from '@storyos/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface ProcessorTuning {
  processor: Type<WorkerHost>;
  queue: QueueName;
  /** How often a job may stall (its worker died) before BullMQ gives up on it. */
  maxStalledCount?: number;
}

/**
 * Worker options come from the parsed configuration, not from an environment
 * read at import time: this provider applies them to the processors'
 * @Processor metadata once the config exists, before @nestjs/bullmq creates
 * the workers (it reads that metadata when the modules initialise, after
 * every provider has been made).
 */
export function tunedProcessors(processors: ProcessorTuning[]): Provider {
  return {
    provide: Symbol('PROCESSOR_TUNING'),
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const { workerConcurrency, lockDurationMs, stalledIntervalMs } = config.queues;
      for (const { processor, queue, maxStalledCount = 1 } of processors) {
        Processor(queue, { concurrency: workerConcurrency, lockDuration: lockDurationMs, stalledInterval: stalledIntervalMs, maxStalledCount })(processor);
      }
      return processors.length;
    },
  };
}
