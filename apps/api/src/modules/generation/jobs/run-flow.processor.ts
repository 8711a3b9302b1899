import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { FlowJobSchema, QUEUE_NAMES } from '@storyos/contracts';
import { DelayedError, WaitingChildrenError, type Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { FlowRunner } from '../flows/flow-runner.service';
import { GenerationsService } from '../generations.service';

/** When the steps a flow waits for seem done but BullMQ still counts them, the flow looks again after this long. */
const RECHECK_MS = 1_000;

/**
 * The parent job of a flow (job id = flow id). It plans the next steps,
 * enqueues them as its children and sleeps in BullMQ's waiting-children
 * state; when they are done, BullMQ runs it again and it plans on. Planning
 * is idempotent, so a retried or re-delivered run creates nothing twice.
 */
@Processor(QUEUE_NAMES.flow) // worker options: tunedProcessors() in the worker module
export class RunFlowProcessor extends WorkerHost {
  constructor(
    private readonly runner: FlowRunner,
    private readonly generations: GenerationsService,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(RunFlowProcessor.name);
  }

  async process(job: Job, token?: string): Promise<void> {
    const { flowId } = FlowJobSchema.parse(job.data);
    let previous = '';
    for (;;) {
      const waitFor = await this.runner.advance(flowId);
      if (!waitFor.length) return;
      for (const step of waitFor) await this.generations.enqueue(step, { id: job.id!, queue: job.queueQualifiedName });
      if (await job.moveToWaitingChildren(token!)) throw new WaitingChildrenError();
      // Nothing pending by BullMQ's count: the steps ended while they were being enqueued. Plan again, unless nothing moved.
      const current = waitFor.map((step) => step.id).join(',');
      if (current === previous) {
        await job.moveToDelayed(Date.now() + RECHECK_MS, token);
        throw new DelayedError();
      }
      previous = current;
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined): Promise<void> {
    const parsed = FlowJobSchema.safeParse(job?.data);
    // Also called between attempts; only a job BullMQ has given up on (no retry left, or stalled too often) ends the flow.
    if (!parsed.success || !job || (await job.getState()) !== 'failed') return;
    this.logger.error({ flowId: parsed.data.flowId, err: job.failedReason }, 'A flow could not go on');
    await this.runner.abandon(parsed.data.flowId, 'The job was interrupted and could not go on. Please try again.');
  }
}
