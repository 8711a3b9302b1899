import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { poolOf, type PreparedStatement } from './prepared-statement';

/** SQL text of the statements to run first; it gets the connection's `escapeLiteral` for its values. */
export type FirstStatements = (literal: (value: string) => string) => string;

/** Statements a connection has PREPAREd by SQL (a new connection is a new client, with none). */
const preparedOn = new WeakMap<PoolClient, Set<string>>();

/** Statements sent with a prepared statement in its round trip: `before` it (its values escaped by the connection), and one statement `after` it. */
export interface Around {
  before?: FirstStatements;
  after?: 'COMMIT';
}

/**
 * A prepared statement with statements around it, in one round trip: a
 * simple query of them all, the statement PREPAREd by SQL on a connection's
 * first use and EXECUTEd with its values written as literals (a simple query
 * has no parameters); its rows are the answer. Each statement sees what was
 * committed before it began, so `before` may wait for another transaction (a
 * lock it holds) and the statement still sees that transaction's rows.
 * Without a BEGIN, they run in one implicit transaction: `before`'s
 * transaction-scoped locks and settings last until the statement ends.
 *
 * A failure leaves the connection in an unknown state (a transaction begun
 * or aborted, a PREPARE kept or not): the caller releases it with the error,
 * which closes it (and so rolls back what it had begun).
 */
export async function runAround<T extends QueryResultRow>(client: PoolClient, statement: PreparedStatement, values: readonly unknown[], around: Around): Promise<T[]> {
  const name = `"p${statement.name.slice(1)}"`;
  const prepared = preparedOn.get(client) ?? new Set<string>();
  const literal = (value: string): string => client.escapeLiteral(value);
  // PostgreSQL refuses empty parentheses after a statement without parameters.
  const execute = values.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${values.map((value) => sqlLiteral(value, literal)).join(', ')})`;
  const parts = [prepared.has(name) ? undefined : `PREPARE ${name} AS ${statement.text}`, around.before?.(literal), execute, around.after];
  const text = parts.filter((part) => part !== undefined).join('; ');
  let answered: QueryResult<T> | QueryResult<T>[];
  try {
    answered = (await client.query(text)) as unknown as QueryResult<T> | QueryResult<T>[];
  } catch (error) {
    throw new QueryFailedError(text, [], error as Error);
  }
  prepared.add(name);
  preparedOn.set(client, prepared);
  // One result per statement, or the result itself when the EXECUTE was alone.
  const results = Array.isArray(answered) ? answered : [answered];
  return results[results.length - (around.after ? 2 : 1)]!.rows;
}

/** `first`, then a prepared statement (see `runAround`), on any free connection of the pool, outside transactions. */
export async function runPreparedAfter<T extends QueryResultRow>(dataSource: DataSource, first: FirstStatements, statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
  const client = await poolOf(dataSource).connect();
  try {
    const rows = await runAround<T>(client, statement, values, { before: first });
    client.release();
    return rows;
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
}

/** A value as SQL text, for the few types these statements take. */
export function sqlLiteral(value: unknown, literal: (value: string) => string): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date && !Number.isNaN(value.getTime())) return literal(value.toISOString());
  throw new TypeError(`No SQL literal for ${typeof value} values`);
}
