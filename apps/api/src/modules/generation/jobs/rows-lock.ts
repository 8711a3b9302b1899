import type { GenerationJob } from '@storyos/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryResultRow } from 'pg';
import { PoolTransaction } from '../../../core/database/pool-transaction';
import type { StatementRun } from '../../../core/database/prepared-statement';

/**
 * A step's job may be queued while the transaction that stores its
 * generation is still open, so the worker picks it up while the rows are
 * written rather than after. That transaction holds this lock, keyed by the
 * generation id, from before the job is queued until it ends, and the job
 * says so (`committing`): the worker waits for the lock before it reads
 * anything (claim and prompt reads alike, so they see the same committed
 * rows). After a rollback it finds no generation, and the job ends without
 * running.
 */
const lockKey = (id: string): string => `hashtextextended(${id}::text, 0)`;

/** A transaction that stays open this long (it should take milliseconds) fails the attempt, which is retried. */
const WAIT_LIMIT = '30s';

/**
 * A transaction for storing a generation's rows, begun holding its rows lock
 * and running `read` (what decides those rows), all in one round trip.
 */
export function beginHoldingRowsLock<T extends QueryResultRow>(dataSource: DataSource, generationId: string, read: StatementRun): Promise<{ transaction: PoolTransaction; rows: T[] }> {
  return PoolTransaction.begin<T>(dataSource, (literal) => `SELECT pg_advisory_xact_lock(${lockKey(literal(generationId))})`, read);
}

/** In the storing transaction, before its job is queued. */
export async function holdRowsLock(manager: EntityManager, generationId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${lockKey('$1')})`, [generationId]);
}

/**
 * The worker's wait for the transaction storing the job's generation to end
 * (none for a job queued after it), as a statement to run before its claim in
 * the same round trip (`runPreparedAfter`).
 */
export function awaitingRows(job: GenerationJob): ((literal: (value: string) => string) => string) | undefined {
  if (!job.committing) return undefined;
  return (literal) => `SELECT set_config('lock_timeout', '${WAIT_LIMIT}', true), pg_advisory_xact_lock(${lockKey(literal(job.generationId))})`;
}
