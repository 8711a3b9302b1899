import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { WholeStoryJobSchema, QUEUE_NAMES } from '@storyos/contracts';
import type { Job } from 'bullmq';
import { loadConfig } from '../../../core/config/app-config';
import { StopSignals } from '../../generation/stream/stop-signals';
import { StoryJobProgress } from './story-job-progress';
import { WholeStoryWriter } from './whole-story-writer';

// Worker options are fixed when the decorator runs, so they come from the same parsed config.
const { queues } = loadConfig();

/**
 * Runs "write the whole story" jobs. The job id is the story job's id; its
 * stop flag (raised by any API process) aborts the run between chunks.
 */
@Processor(QUEUE_NAMES.story, {
  concurrency: queues.workerConcurrency,
  lockDuration: queues.lockDurationMs,
  stalledInterval: queues.stalledIntervalMs,
  maxStalledCount: 1,
})
export class WriteWholeStoryProcessor extends WorkerHost {
  constructor(
    private readonly writer: WholeStoryWriter,
    private readonly stops: StopSignals,
    private readonly progress: StoryJobProgress,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    const { storyJobId } = WholeStoryJobSchema.parse(job.data);
    const abort = await this.stops.watch(storyJobId);
    try {
      await this.writer.run(storyJobId, abort.signal);
    } finally {
      this.stops.release(storyJobId);
    }
  }

  /** BullMQ gave up on the job (it stalled twice, or process() threw): the row must not stay running. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined): Promise<void> {
    const parsed = WholeStoryJobSchema.safeParse(job?.data);
    if (!parsed.success) return;
    await this.progress.update(parsed.data.storyJobId, { status: 'failed', error: 'The story job was interrupted. Please try again.', completedAt: new Date() });
  }
}
