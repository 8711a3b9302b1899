import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { isTerminalFlowStatus, isTerminalStatus, JOB_NAMES, QUEUE_NAMES, type FlowJob, type FlowKind, type GenerationTarget } from '@storyos/contracts';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationQuota } from '../../auth/quota/generation-quota.service';
import { GenerationEntity } from '../entities/generation.entity';
import { GenerationFlowEntity } from '../entities/generation-flow.entity';
import { GenerationsService } from '../generations.service';
import { StopSignals } from '../stream/stop-signals';
import { endFlow } from './end-flow';
import { FlowDefinitions } from './flow-definitions';

export interface FlowSpec {
  kind: FlowKind;
  target: GenerationTarget;
  state?: Record<string, unknown>;
}

const FLOW_JOB_ATTEMPTS = 5;
/** Longer than any one step takes; a flow's row changes at least once per step. */
const STALE_FLOW_MS = 30 * 60_000;
const FLOW_JOB_BACKOFF_MS = 2_000;

/**
 * API side of flows: start one (counted once against the daily quota, like
 * one generation), read it, cancel it. A cancel ends the flow at once and
 * stops the step that is writing; what finished steps stored stays.
 */
@Injectable()
export class FlowsService {
  constructor(
    @InjectQueue(QUEUE_NAMES.flow) private readonly queue: Queue<FlowJob>,
    private readonly dataSource: DataSource,
    private readonly definitions: FlowDefinitions,
    private readonly generations: GenerationsService,
    private readonly quota: GenerationQuota,
    private readonly stops: StopSignals,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(FlowsService.name);
  }

  /**
   * Runs the caller's checks (`prepare`, which may lock rows and returns the
   * flow's first state) and stores the flow in one transaction, then queues
   * its job.
   */
  async start(owner: AuthUser, spec: FlowSpec, prepare?: (manager: EntityManager) => Promise<Record<string, unknown>>): Promise<GenerationFlowEntity> {
    await this.quota.consume(owner);
    let flow: GenerationFlowEntity;
    try {
      flow = await this.dataSource.transaction(async (manager) => {
        const state = { ...spec.state, ...(await prepare?.(manager)) };
        return manager.save(manager.create(GenerationFlowEntity, { ownerId: owner.id, kind: spec.kind, targetType: spec.target.type, targetId: spec.target.id, state, status: 'queued', progress: 0, stage: 'queued' }));
      });
    } catch (error) {
      await this.quota.refund(owner);
      throw error;
    }
    // Announced before it is enqueued, so the worker's first event can never overtake it.
    this.definitions.get(flow.kind).publish(flow, null);
    try {
      await this.queue.add(JOB_NAMES.runFlow, { flowId: flow.id }, { jobId: flow.id, attempts: FLOW_JOB_ATTEMPTS, backoff: { type: 'exponential', delay: FLOW_JOB_BACKOFF_MS }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } });
    } catch (error) {
      this.logger.error({ err: error, flowId: flow.id, userId: owner.id }, 'Could not enqueue a flow');
      await this.end(flow.id, 'failed', 'The job could not be queued. Please try again.');
      await this.quota.refund(owner);
      throw new AppError('SERVICE_UNAVAILABLE', 'The job could not be queued. Please try again in a moment.');
    }
    return flow;
  }

  /** The latest flow of this kind for a resource, with the step writing now (if any). */
  async latestFor(manager: EntityManager, kind: FlowKind, target: GenerationTarget): Promise<{ flow: GenerationFlowEntity; activeStepId: string | null } | null> {
    const flow = await manager.findOne(GenerationFlowEntity, { where: { kind, targetType: target.type, targetId: target.id }, order: { createdAt: 'DESC' } });
    return flow ? { flow, activeStepId: await this.activeStepId(manager, flow) } : null;
  }

  async findFor(manager: EntityManager, id: string, target: GenerationTarget): Promise<{ flow: GenerationFlowEntity; activeStepId: string | null } | null> {
    const flow = await manager.findOneBy(GenerationFlowEntity, { id, targetType: target.type, targetId: target.id });
    return flow ? { flow, activeStepId: await this.activeStepId(manager, flow) } : null;
  }

  /**
   * An unfinished flow on this resource, or null. One that has not moved for
   * a long while and whose job is gone (Redis lost it) is ended as failed
   * here, instead of holding the resource forever.
   */
  async running(manager: EntityManager, target: GenerationTarget, now = new Date()): Promise<GenerationFlowEntity | null> {
    const flow = await manager.findOneBy(GenerationFlowEntity, { targetType: target.type, targetId: target.id, status: In(['queued', 'running']) });
    if (!flow || now.getTime() - flow.updatedAt.getTime() < STALE_FLOW_MS) return flow;
    const state = await (await this.queue.getJob(flow.id))?.getState();
    if (state && !['completed', 'failed', 'unknown'].includes(state)) return flow;
    this.logger.warn({ flowId: flow.id, userId: flow.ownerId, jobState: state ?? 'missing' }, 'A flow lost its job; ending it');
    await endFlow(manager, flow, 'failed', 'The job stopped making progress and was abandoned. Please try again.', this.definitions.get(flow.kind));
    return null;
  }

  /**
   * Stops the flow. Steps still queued end at once; a step being written is
   * stopped by its worker, which keeps its partial text, and the flow's job
   * then ends the flow as cancelled — so "cancelled" is read only once
   * everything written is stored. With nothing being written, it ends here.
   */
  async cancel(owner: AuthUser, flowId: string): Promise<void> {
    await this.stops.request(flowId);
    const steps = await this.dataSource.manager.findBy(GenerationEntity, { flowId, status: In(['queued', 'streaming']) });
    for (const step of steps) await this.generations.stop(owner, step.id);
    if (steps.some((step) => step.status === 'streaming')) return;
    if (await this.end(flowId, 'cancelled', null)) await this.removeWaitingJob(flowId);
  }

  /** The resource goes away (a story is deleted): whatever flow writes it is cancelled. */
  async cancelAllFor(owner: AuthUser, target: GenerationTarget): Promise<void> {
    const flows = await this.dataSource.manager.findBy(GenerationFlowEntity, { targetType: target.type, targetId: target.id, status: In(['queued', 'running']) });
    for (const flow of flows) await this.cancel(owner, flow.id);
  }

  /** The resource is gone: its flows and their steps go too (a step still finishing finds nothing to finish). */
  async deleteAllFor(target: GenerationTarget): Promise<void> {
    await this.dataSource.manager.delete(GenerationFlowEntity, { targetType: target.type, targetId: target.id });
  }

  private async end(flowId: string, status: 'cancelled' | 'failed', error: string | null): Promise<GenerationFlowEntity | null> {
    const flow = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(GenerationFlowEntity, { where: { id: flowId }, lock: { mode: 'pessimistic_write' } });
      if (!row || isTerminalFlowStatus(row.status)) return null;
      await endFlow(manager, row, status, error, this.definitions.get(row.kind));
      return row;
    });
    if (flow) this.definitions.get(flow.kind).publish(flow, null);
    return flow;
  }

  private async activeStepId(manager: EntityManager, flow: GenerationFlowEntity): Promise<string | null> {
    if (isTerminalFlowStatus(flow.status)) return null;
    const steps = await manager.find(GenerationEntity, { where: { flowId: flow.id }, order: { stepIndex: 'DESC' }, take: 4 });
    return steps.find((step) => !isTerminalStatus(step.status))?.id ?? null;
  }

  private async removeWaitingJob(flowId: string): Promise<void> {
    const job = await this.queue.getJob(flowId);
    const state = await job?.getState();
    if (job && (state === 'waiting' || state === 'delayed' || state === 'prioritized')) await job.remove().catch(() => undefined);
  }
}
