import type { DataSource } from 'typeorm';
import { prepared, runPrepared, type PreparedStatement } from '../../../core/database/prepared-statement';

/**
 * A prompt's stored inputs as one SELECT of one row by the generation's id
 * (`$1`), which the worker runs inside its claim statement; `read` gets that
 * row as JSON (its columns as keys; null when nothing matched).
 */
export interface ClaimReads<Reads> {
  sql: string;
  read(row: unknown): Reads;
}

/** A statement per reads' text, whose one column is the reads' row as JSON. */
export function withReadsStatement(reads: ClaimReads<unknown>, cache: Map<string, PreparedStatement>, build: (readsAsJson: string) => string): PreparedStatement {
  let statement = cache.get(reads.sql);
  if (!statement) {
    statement = prepared(build(`(SELECT to_json(reads) FROM (${reads.sql}) reads)`));
    cache.set(reads.sql, statement);
  }
  return statement;
}

const alone = new Map<string, PreparedStatement>();

/** The same reads on their own, for a prompt built without them (a job queued before its kind was named). */
export async function readAlone<Reads>(dataSource: DataSource, reads: ClaimReads<Reads>, generationId: string): Promise<Reads> {
  const [row] = await runPrepared<{ reads: unknown }>(dataSource, withReadsStatement(reads, alone, (readsAsJson) => `SELECT ${readsAsJson} AS reads`), [generationId]);
  return reads.read(row?.reads ?? null);
}
