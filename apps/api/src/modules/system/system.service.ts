import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JOB_NAMES, QUEUE_NAMES, type PingAccepted, type PingJob } from '@storyos/contracts';
import type { Queue } from 'bullmq';

@Injectable()
export class SystemService {
  constructor(@InjectQueue(QUEUE_NAMES.system) private readonly queue: Queue<PingJob>) {}

  async ping(userId: string, nonce: string): Promise<PingAccepted> {
    const enqueuedAt = new Date().toISOString();
    const job = await this.queue.add(JOB_NAMES.deliverPing, { userId, nonce, enqueuedAt }, { removeOnComplete: true, removeOnFail: 100 });
    return { jobId: job.id ?? '', nonce, enqueuedAt };
  }
}
