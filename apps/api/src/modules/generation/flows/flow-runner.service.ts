import { Injectable } from '@nestjs/common';
import { isTerminalFlowStatus, isTerminalStatus } from '@storyos/contracts';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager } from 'typeorm';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import { GenerationEntity } from '../entities/generation.entity';
import { GenerationFlowEntity } from '../entities/generation-flow.entity';
import { GenerationFinalizer } from '../generation-finalizer.service';
import { GenerationsService } from '../generations.service';
import { StepQueues } from '../step-queues';
import { StopSignals } from '../stream/stop-signals';
import { FlowDefinitions } from './flow-definitions';
import { endFlow } from './end-flow';

/** BullMQ states in which a step's job will still run (or is running). */
const LIVE_JOB_STATES = new Set(['waiting', 'delayed', 'prioritized', 'active', 'waiting-children']);

/**
 * Worker side of flows: each time the flow's job runs, the steps so far are
 * read, the definition plans what comes next, and the new steps are stored
 * in one transaction under the flow's row lock. Running it twice (a retried
 * or re-delivered job) creates nothing twice: steps are numbered, and a
 * number is stored once.
 */
@Injectable()
export class FlowRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: FlowDefinitions,
    private readonly generations: GenerationsService,
    private readonly finalizer: GenerationFinalizer,
    private readonly stops: StopSignals,
    private readonly realtime: RealtimePublisher,
    private readonly queues: StepQueues,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(FlowRunner.name);
  }

  /** The steps the flow waits for now (new or still running); empty once the flow has ended. */
  async advance(flowId: string): Promise<GenerationEntity[]> {
    const running = await this.liveSteps(flowId);
    if (running.length) return running;

    const result = await this.dataSource.transaction(async (manager) => {
      const flow = await manager.findOne(GenerationFlowEntity, { where: { id: flowId }, lock: { mode: 'pessimistic_write' } });
      if (!flow || isTerminalFlowStatus(flow.status)) return { flow: null, created: [] as GenerationEntity[], waiting: [] as GenerationEntity[] };
      const steps = await manager.find(GenerationEntity, { where: { flowId }, order: { stepIndex: 'ASC' } });
      const unfinished = steps.filter((step) => !isTerminalStatus(step.status));
      if (unfinished.length) return { flow: null, created: [], waiting: unfinished };
      return { flow, created: await this.plan(manager, flow, steps), waiting: [] };
    });
    // Planned: new steps, or the end. Either way the owner hears of it once it is committed.
    if (result.flow) this.definitions.get(result.flow.kind).publish(result.flow, result.created[0]?.id ?? null);
    for (const step of result.created) {
      this.realtime.toUser(step.ownerId, 'generation:started', { generationId: step.id, kind: step.kind, target: { type: step.targetType, id: step.targetId } });
    }
    return [...result.waiting, ...result.created];
  }

  /** BullMQ gave up on the flow's job (it kept failing or stalling): the flow must not stay running. */
  async abandon(flowId: string, reason: string): Promise<void> {
    const flow = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(GenerationFlowEntity, { where: { id: flowId }, lock: { mode: 'pessimistic_write' } });
      if (!row || isTerminalFlowStatus(row.status)) return null;
      await endFlow(manager, row, 'failed', reason, this.definitions.get(row.kind));
      return row;
    });
    if (flow) this.definitions.get(flow.kind).publish(flow, null);
  }

  private async plan(manager: EntityManager, flow: GenerationFlowEntity, steps: GenerationEntity[]): Promise<GenerationEntity[]> {
    const definition = this.definitions.get(flow.kind);
    if (flow.status === 'queued') Object.assign(flow, { status: 'running', startedAt: new Date() });
    if (await this.stops.isRequested(flow.id)) {
      await endFlow(manager, flow, 'cancelled', null, definition);
      return [];
    }
    const plan = await definition.next(flow, steps, manager);
    flow.progress = Math.max(flow.progress, Math.min(99, Math.max(0, Math.round(definition.progress(flow, steps)))));
    if (plan.type === 'done') {
      if (plan.stage) flow.stage = plan.stage;
      await endFlow(manager, flow, 'completed', null, definition);
      return [];
    }
    if (plan.type === 'cancel') {
      await endFlow(manager, flow, 'cancelled', null, definition);
      return [];
    }
    if (plan.type === 'fail') {
      this.logger.warn({ flowId: flow.id, userId: flow.ownerId, kind: flow.kind, reason: plan.message }, 'Flow failed');
      await endFlow(manager, flow, 'failed', plan.message, definition);
      return [];
    }
    const created: GenerationEntity[] = [];
    for (const [offset, step] of plan.steps.entries()) {
      created.push(await this.generations.createStep(manager, flow, steps.length + offset, { kind: step.kind, target: { type: flow.targetType, id: flow.targetId }, input: step.input }));
    }
    flow.stage = plan.stage;
    await manager.save(flow);
    await definition.onStepsCreated?.(flow, created, manager);
    return created;
  }

  /**
   * Steps not finished whose jobs will still run. A step whose job is gone
   * for good (BullMQ gave up after it stalled too often, or Redis lost it)
   * is failed here, so the flow can decide instead of waiting forever.
   */
  private async liveSteps(flowId: string): Promise<GenerationEntity[]> {
    const unfinished = (await this.dataSource.manager.find(GenerationEntity, { where: { flowId }, order: { stepIndex: 'ASC' } })).filter((step) => !isTerminalStatus(step.status));
    const live: GenerationEntity[] = [];
    for (const step of unfinished) {
      const job = await this.queues.forKind(step.kind).queue.getJob(step.id);
      const state = job ? await job.getState() : 'missing';
      if (LIVE_JOB_STATES.has(state)) {
        live.push(step);
        continue;
      }
      const current = await this.dataSource.manager.findOneBy(GenerationEntity, { id: step.id });
      if (current && !isTerminalStatus(current.status)) {
        // A step created but never enqueued (the flow's job died in between) is simply enqueued again by the caller.
        if (state === 'missing' && current.status === 'queued') {
          live.push(current);
          continue;
        }
        this.logger.warn({ flowId, generationId: step.id, userId: step.ownerId, jobState: state }, 'A flow step was interrupted for good');
        await this.finalizer.finishUnrun(step.id, 'failed', 'This step was interrupted too many times.');
      }
    }
    return live;
  }
}
