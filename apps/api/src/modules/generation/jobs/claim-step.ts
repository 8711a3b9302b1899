import type { GenerationJob } from '@storyos/contracts';
import type { QueryResultRow } from 'pg';
import type { Repository } from 'typeorm';
import { entityFromRow } from '../../../core/database/entity-from-row';
import { runPreparedAfter } from '../../../core/database/prepared-after';
import { prepared, runPrepared, type PreparedStatement } from '../../../core/database/prepared-statement';
import { withReadsStatement, type ClaimReads } from '../handlers/claim-reads';
import type { GenerationEntity } from '../entities/generation.entity';
import { awaitingRows } from './rows-lock';

/**
 * Written out and prepared rather than built per call: every step's first
 * words wait for it, and building it with the query builder cost more than
 * running it.
 * Absent writer fields ($4, $5) keep what the row has. Its commit does not
 * wait for the disk (synchronous_commit off for this statement's own
 * transaction): a claim lost in a database crash leaves the step queued, as
 * if the worker had died before claiming, and any later commit that does wait
 * (the reply's) writes it to disk first.
 */
const CLAIMED = `
  WITH claimed AS (
    UPDATE generations
    SET status = 'streaming', attempt = $2, started_at = COALESCE(started_at, $3), provider = COALESCE($4, provider), model = COALESCE($5, model), updated_at = now()
    WHERE id = $1 AND status IN ('queued', 'streaming') AND set_config('synchronous_commit', 'off', true) IS NOT NULL
    RETURNING *
  )`;

const CLAIM = prepared(`${CLAIMED} SELECT * FROM claimed`);

/** The claim with a handler's reads (see `ClaimReads`), by the reads' text. */
const claimsWithReads = new Map<string, PreparedStatement>();

type Writer = { provider: GenerationEntity['provider']; model: GenerationEntity['model'] };

/**
 * Moves a step's generation to `streaming` for this attempt and answers its
 * row, in one round trip that first waits for the job's rows to be stored
 * (see rows-lock.ts); null when it is gone or no longer open (stopped or
 * ended while the job was being picked up, or never stored), and then the job
 * must not run.
 * `startedAt` stays the first attempt's: how long the reader has waited,
 * retries included. `writer` records who writes it.
 */
export async function claimStep(
  generations: Repository<GenerationEntity>,
  job: GenerationJob,
  attempt: number,
  writer?: Writer,
): Promise<GenerationEntity | null> {
  const [row] = await runClaim(generations, job, CLAIM, claimValues(job.generationId, attempt, writer));
  return row ? entityFromRow(generations, row) : null;
}

/**
 * `claimStep` that also answers what the step's prompt is built from, read
 * by the same statement: one round trip and one database process on the way
 * to the first words instead of two side by side. The reads see what the
 * claim saw. Null when there is nothing to claim.
 */
export async function claimStepWithReads<Reads>(
  generations: Repository<GenerationEntity>,
  job: GenerationJob,
  attempt: number,
  writer: Writer | undefined,
  reads: ClaimReads<Reads>,
): Promise<{ generation: GenerationEntity; reads: Reads } | null> {
  const statement = withReadsStatement(reads, claimsWithReads, (readsAsJson) => `${CLAIMED} SELECT claimed.*, ${readsAsJson} AS claim_reads FROM claimed`);
  const [row] = await runClaim<Record<string, unknown> & { claim_reads: unknown }>(generations, job, statement, claimValues(job.generationId, attempt, writer));
  return row ? { generation: entityFromRow(generations, row), reads: reads.read(row.claim_reads) } : null;
}

function claimValues(generationId: string, attempt: number, writer: Writer | undefined): unknown[] {
  return [generationId, attempt, new Date(), writer?.provider ?? null, writer?.model ?? null];
}

/** The claim, after the wait for the job's rows when it has one: the wait and the claim in one round trip. */
function runClaim<T extends QueryResultRow>(generations: Repository<GenerationEntity>, job: GenerationJob, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const dataSource = generations.manager.connection;
  const awaiting = awaitingRows(job);
  return awaiting ? runPreparedAfter<T>(dataSource, awaiting, statement, values) : runPrepared<T>(dataSource, statement, values);
}
