import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isTerminalStatus, type Generation, type GenerationKind, type GenerationTarget } from '@storyos/contracts';
import type { TextProvider } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { randomInt, randomUUID } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { entityFromRow } from '../../core/database/entity-from-row';
import { insertStatement, type RowInsert } from '../../core/database/insert-statement';
import { oneStatement, type BuiltStatement } from '../../core/database/one-statement';
import type { PoolTransaction } from '../../core/database/pool-transaction';
import { prepared, type StatementRun } from '../../core/database/prepared-statement';
import { afterThisTurn } from '../../core/async/after-this-turn';
import { settle, valueOf } from '../../core/async/settled';
import { AppError } from '../../core/errors/app-error';
import { RealtimePublisher } from '../../core/realtime/realtime-publisher.service';
import type { AuthUser } from '../auth/auth-user';
import { GenerationQuota } from '../auth/quota/generation-quota.service';
import { GenerationEntity } from './entities/generation.entity';
import { GenerationFinalizer } from './generation-finalizer.service';
import { toGenerationContract } from './generation.mapper';
import { beginHoldingRowsLock, holdRowsLock } from './jobs/rows-lock';
import { StepQueues } from './step-queues';
import { TEXT_PROVIDER } from './text-provider.token';
import { GenerationStreamStore } from './stream/generation-stream.store';
import { StopSignals } from './stream/stop-signals';

export interface GenerationSpec {
  kind: GenerationKind;
  target: GenerationTarget;
  input?: Record<string, unknown>;
}

/** What a feature decides from its read (see `startFromRead`): the generation's target and input, its own rows (inserts, and other statements), and what it answers. */
export interface ReadDecision<T> {
  target: GenerationTarget;
  input?: Record<string, unknown>;
  inserts?: RowInsert[];
  statements?: BuiltStatement[];
  result: T;
}

/** The flow job a step reports back to: BullMQ wakes it when the step's job is done. */
export interface ParentJob {
  id: string;
  queue: string;
}

/** The queue refused a generation's job. */
class JobNotQueued extends Error {
  constructor(
    readonly generationId: string,
    cause: unknown,
  ) {
    super('The generation could not be queued', { cause });
  }
}

/** Starts, reads and stops generations; the worker's processor does the streaming. */
@Injectable()
export class GenerationsService {
  constructor(
    @InjectRepository(GenerationEntity) private readonly generations: Repository<GenerationEntity>,
    private readonly queues: StepQueues,
    @Inject(TEXT_PROVIDER) private readonly provider: TextProvider,
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly quota: GenerationQuota,
    private readonly streams: GenerationStreamStore,
    private readonly stops: StopSignals,
    private readonly realtime: RealtimePublisher,
    private readonly finalizer: GenerationFinalizer,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(GenerationsService.name);
  }

  /**
   * Counts against the daily quota and stores the generation together with
   * the caller's own rows in one transaction. Nothing is stored and no quota
   * is spent when any step before the commit fails. `spec` may be decided in
   * the transaction, before the row is stored (under the feature's own locks,
   * which it may take there). The job is queued as soon as the spec is
   * decided, under the generation's rows lock (rows-lock.ts), so the worker
   * picks it up while the rows are written; a job that cannot be queued
   * rolls everything back.
   */
  async start<T>(
    owner: AuthUser,
    spec: GenerationSpec | ((manager: EntityManager) => Promise<GenerationSpec>),
    withRows?: (manager: EntityManager, generation: GenerationEntity) => Promise<T>,
    /** chargeQuota false: a follow-up step of a generation already counted (e.g. the world state after a turn). */
    options: { chargeQuota?: boolean } = {},
  ): Promise<{ generation: GenerationEntity; result: T | undefined }> {
    const charge = options.chargeQuota ?? true;
    // Counted while the rows are written; nothing commits unless it was.
    const charging = charge ? settle(this.quota.consume(owner)) : undefined;
    let generation: GenerationEntity;
    let result: T | undefined;
    try {
      ({ generation, result } = await this.dataSource.transaction(async (manager) => {
        const decided = typeof spec === 'function' ? await spec(manager) : spec;
        const id = randomUUID();
        await holdRowsLock(manager, id);
        const queued = settle(this.addJob({ id, kind: decided.kind }, { committing: true }));
        try {
          const row = await this.insert(manager, owner.id, decided, null, id);
          const rows = withRows ? await withRows(manager, row) : undefined;
          if (charging) valueOf(await charging);
          valueOf(await queued);
          return { generation: row, result: rows };
        } catch (error) {
          await queued;
          throw error;
        }
      }));
    } catch (error) {
      if ((await charging)?.status === 'fulfilled') await this.quota.refund(owner);
      throw this.queueFailure(error, owner.id);
    }
    this.realtime.toUser(owner.id, 'generation:started', { generationId: generation.id, kind: generation.kind, target: { type: generation.targetType, id: generation.targetId } });
    return { generation, result };
  }

  /**
   * `start` for the hottest paths (a game's opening, a player's turn), in
   * two round trips to the database: the transaction begins holding the
   * rows lock and runs the feature's `read` (what it decides from, taking
   * its own row locks if it needs them); the job of the generation's `kind`
   * is queued at once, so the worker picks it up while the rest goes on;
   * `decide` checks the row (throwing refuses: the transaction rolls back and
   * the job finds nothing) and names the generation's target and input and
   * the feature's own statements, which run with the generation's as one
   * statement, sent with the COMMIT once the queue has the job. The allowance
   * is counted meanwhile and given back when anything refuses.
   */
  async startFromRead<Row extends QueryResultRow, T>(
    owner: AuthUser,
    kind: GenerationKind,
    read: StatementRun,
    decide: (row: Row | undefined, generationId: string) => ReadDecision<T>,
  ): Promise<{ generationId: string; result: T }> {
    const id = randomUUID();
    // Counted once the transaction's first statement has gone out: that write is on the way to the first words, this one is not.
    const charging = settle(afterThisTurn(() => this.quota.consume(owner)));
    let transaction: PoolTransaction | undefined;
    let decision: ReadDecision<T>;
    try {
      let rows: Row[];
      ({ transaction, rows } = await beginHoldingRowsLock<Row>(this.dataSource, id, read));
      const queued = settle(this.addJob({ id, kind }, { committing: true }));
      decision = decide(rows[0], id);
      // Only the id comes back: the rest of the row is what was sent.
      const generation = insertStatement(this.dataSource, { entity: GenerationEntity, values: { id, ...this.newRow(owner.id, { kind, target: decision.target, input: decision.input }) } });
      const statement = oneStatement([
        { sql: `${generation.sql} RETURNING "id"`, parameters: generation.parameters },
        ...(decision.inserts ?? []).map((row) => insertStatement(this.dataSource, row)),
        ...(decision.statements ?? []),
      ]);
      valueOf(await charging);
      valueOf(await queued);
      // The rows and the commit in one round trip, once the queue has the job (a job the queue refused must not find rows).
      await transaction.commitWith(prepared(statement.sql), statement.parameters);
    } catch (error) {
      await Promise.all([
        transaction?.rollback(),
        charging.then(async (charged) => {
          if (charged.status === 'fulfilled') await this.quota.refund(owner);
        }),
      ]);
      throw this.queueFailure(error, owner.id);
    }
    this.realtime.toUser(owner.id, 'generation:started', { generationId: id, kind, target: decision.target });
    return { generationId: id, result: decision.result };
  }

  /**
   * One transaction in which the feature looks (under its own locks) and
   * either answers without generating (a cache hit, which costs nothing) or
   * names the generation to start: then the quota is charged and the row
   * stored in that same transaction, and the job enqueued after the commit.
   */
  async startUnlessAnswered<T>(
    owner: AuthUser,
    decide: (manager: EntityManager) => Promise<{ answer: T } | { spec: GenerationSpec; withRows?: (manager: EntityManager, generation: GenerationEntity) => Promise<void> }>,
  ): Promise<{ answer: T } | { generation: GenerationEntity }> {
    let charged = false;
    let outcome: { answer: T } | { generation: GenerationEntity; spec: GenerationSpec };
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        const decision = await decide(manager);
        if ('answer' in decision) return decision;
        await this.quota.consume(owner);
        charged = true;
        const generation = await this.insert(manager, owner.id, decision.spec);
        await decision.withRows?.(manager, generation);
        return { generation, spec: decision.spec };
      });
    } catch (error) {
      if (charged) await this.quota.refund(owner);
      throw error;
    }
    if ('answer' in outcome) return outcome;
    await this.enqueue(outcome.generation);
    this.realtime.toUser(owner.id, 'generation:started', { generationId: outcome.generation.id, kind: outcome.generation.kind, target: outcome.spec.target });
    return { generation: outcome.generation };
  }

  /**
   * A step of a flow, stored in the flow's transaction (no quota: the flow
   * was counted once). Enqueued afterwards by the flow's job, as its child.
   */
  createStep(manager: EntityManager, flow: { id: string; ownerId: string }, stepIndex: number, spec: GenerationSpec): Promise<GenerationEntity> {
    return this.insert(manager, flow.ownerId, spec, { flowId: flow.id, stepIndex });
  }

  /**
   * A step that a finished generation's handler decides on in its own
   * `onFinished` transaction (a chat reply's tool call), so the decision and
   * the row commit together. No quota: the generation that asked for it was
   * counted. The handler enqueues it in `afterFinished`.
   */
  createFollowUp(manager: EntityManager, ownerId: string, spec: GenerationSpec): Promise<GenerationEntity> {
    return this.insert(manager, ownerId, spec);
  }

  /** One INSERT … RETURNING in the caller's transaction (TypeORM's `save` cost more CPU than the insert itself). */
  private async insert(manager: EntityManager, ownerId: string, spec: GenerationSpec, step: { flowId: string; stepIndex: number } | null = null, id: string = randomUUID()): Promise<GenerationEntity> {
    const statement = insertStatement(this.dataSource, { entity: GenerationEntity, values: { id, ...this.newRow(ownerId, spec, step) } }, true);
    const [stored] = (await manager.query(statement.sql, statement.parameters)) as Record<string, unknown>[];
    return entityFromRow(this.generations, stored!);
  }

  /** A new generation's values: queued, with its own seed, written by the configured provider. */
  private newRow(ownerId: string, spec: GenerationSpec, step: { flowId: string; stepIndex: number } | null = null): Partial<GenerationEntity> {
    return {
      ownerId,
      kind: spec.kind,
      targetType: spec.target.type,
      targetId: spec.target.id,
      input: spec.input ?? {},
      seed: randomInt(0, 2 ** 31 - 1),
      provider: this.provider.name,
      model: this.provider.model,
      status: 'queued',
      flowId: step?.flowId ?? null,
      stepIndex: step?.stepIndex ?? null,
    };
  }

  /**
   * Idempotent: the job id is the generation id. A step names its flow's job
   * as parent; a step whose job gives up for good (it stalled too often) does
   * not hold the flow: the flow reads the step's state and decides.
   */
  async enqueue(generation: GenerationEntity, parent?: ParentJob): Promise<void> {
    try {
      await this.addJob(generation, parent ? { parent } : {});
    } catch (error) {
      await this.generations.update({ id: generation.id, status: 'queued' }, { status: 'failed', error: 'The generation could not be queued. Please try again.', completedAt: new Date() });
      throw this.queueFailure(error, generation.ownerId);
    }
  }

  /** `committing`: queued inside the transaction that stores the generation, which holds its rows lock. */
  private async addJob(generation: Pick<GenerationEntity, 'id' | 'kind'>, options: { parent?: ParentJob; committing?: true }): Promise<void> {
    const { attempts, backoffMs } = this.config.generation;
    const { queue, jobName } = this.queues.forKind(generation.kind);
    try {
      await queue.add(jobName, { generationId: generation.id, kind: generation.kind, ...(options.committing && { committing: true }) }, {
        jobId: generation.id,
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
        ...(options.parent ? { parent: options.parent, ignoreDependencyOnFailure: true } : {}),
      });
    } catch (error) {
      throw new JobNotQueued(generation.id, error);
    }
  }

  /** A job that could not be queued is answered as a service outage (and logged); any other error passes through. */
  private queueFailure(error: unknown, userId: string): unknown {
    if (!(error instanceof JobNotQueued)) return error;
    this.logger.error({ err: error.cause, generationId: error.generationId, userId }, 'Could not enqueue generation');
    return new AppError('SERVICE_UNAVAILABLE', 'The generation could not be queued. Please try again in a moment.');
  }

  async findOwned(owner: AuthUser, id: string): Promise<GenerationEntity> {
    const generation = await this.generations.findOneBy({ id });
    // Another user's generation looks exactly like a missing one.
    if (!generation || generation.ownerId !== owner.id) throw AppError.notFound('The generation');
    return generation;
  }

  async view(owner: AuthUser, id: string): Promise<Generation> {
    const generation = await this.findOwned(owner, id);
    const live = isTerminalStatus(generation.status) ? null : await this.streams.readAfter(id, 0);
    return toGenerationContract(generation, live);
  }

  /**
   * Asks the worker holding it to stop; the partial text is kept and the
   * status becomes `stopped`. A generation still waiting in the queue is
   * stopped right here.
   */
  async stop(owner: AuthUser, id: string): Promise<Generation> {
    const generation = await this.findOwned(owner, id);
    if (isTerminalStatus(generation.status)) return this.view(owner, id);
    await this.stops.request(id);
    if (generation.status === 'queued') {
      // A step's job belongs to its flow's job (BullMQ waits for it): it stays, and the worker that takes it finds it ended.
      if (generation.flowId || (await this.removeQueuedJob(generation))) await this.finalizer.finishUnrun(id, 'stopped', null);
    }
    return this.view(owner, id);
  }

  /** True when the job was still waiting and is now gone; an active job belongs to a worker, which sees the stop flag itself. */
  private async removeQueuedJob(generation: GenerationEntity): Promise<boolean> {
    const job = await this.queues.forKind(generation.kind).queue.getJob(generation.id);
    const state = await job?.getState();
    if (!job || !(state === 'waiting' || state === 'delayed' || state === 'prioritized')) return false;
    return job.remove().then(
      () => true,
      () => false,
    );
  }
}
