import type { GenerationJob } from '@storyos/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { PoolTransaction } from '../../../core/database/pool-transaction';
import { prepared, runPrepared } from '../../../core/database/prepared-statement';

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
const LOCK_KEY = lockKey('$1');


/** A transaction that stays open this long (it should take milliseconds) fails the attempt, which is retried. */
const WAIT_LIMIT = '30s';

const AWAIT_ROWS = prepared(`SELECT set_config('lock_timeout', '${WAIT_LIMIT}', true), pg_advisory_xact_lock(${LOCK_KEY})`);

/** A transaction for storing a generation's rows, begun holding its rows lock (in the same round trip). */
export function beginHoldingRowsLock(dataSource: DataSource, generationId: string): Promise<PoolTransaction> {
  return PoolTransaction.begin(dataSource, (literal) => `SELECT pg_advisory_xact_lock(${lockKey(literal(generationId))})`);
}

/** In the storing transaction, before its job is queued. */
export async function holdRowsLock(manager: EntityManager, generationId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`, [generationId]);
}

/** Resolves once the transaction storing the job's generation has ended (at once for a job queued after it). */
export async function rowsStored(dataSource: DataSource, job: GenerationJob): Promise<void> {
  if (job.committing) await runPrepared(dataSource, AWAIT_ROWS, [job.generationId]);
}
