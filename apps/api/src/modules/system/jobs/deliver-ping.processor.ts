import { Processor, WorkerHost } from '@nestjs/bullmq';
import { PingJobSchema, QUEUE_NAMES } from '@storyos/contracts';
import type { Job } from 'bullmq';
import { hostname } from 'node:os';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';

/** Answers a ping on the user's socket room, proving the worker → Redis → socket path. */
@Processor(QUEUE_NAMES.system)
export class DeliverPingProcessor extends WorkerHost {
  constructor(private readonly realtime: RealtimePublisher) {
    super();
  }

  async process(job: Job): Promise<void> {
    const ping = PingJobSchema.parse(job.data);
    this.realtime.toUser(ping.userId, 'system:pong', {
      nonce: ping.nonce,
      workerId: `${hostname()}:${process.pid}`,
      enqueuedAt: ping.enqueuedAt,
      processedAt: new Date().toISOString(),
    });
  }
}
