import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A statement on the path to a reply's first words. Sent by name, PostgreSQL
 * parses and plans it once per connection instead of on every call, and the
 * call goes straight to the pool rather than through a TypeORM query runner.
 * A migration that changes a table it reads needs the processes restarted (as
 * a deploy does): a connection keeps the plan it made.
 */
export interface PreparedStatement {
  /** Named after its text: a connection that has prepared a name runs that name's text. */
  name: string;
  text: string;
}

/** A prepared statement with its values. */
export interface StatementRun {
  statement: PreparedStatement;
  values: readonly unknown[];
}

/** Statements named so far, by text (statements are written in code, so they are few); past this many the oldest go. */
const NAMED_KEPT = 1000;
const named = new Map<string, PreparedStatement>();

export function prepared(text: string): PreparedStatement {
  let statement = named.get(text);
  if (!statement) {
    statement = { name: `s${createHash('sha1').update(text).digest('base64url')}`, text };
    if (named.size >= NAMED_KEPT) named.delete(named.keys().next().value!);
    named.set(text, statement);
  }
  return statement;
}

/**
 * Outside transactions only: it takes any free connection of the pool.
 * Failures come as TypeORM's own (QueryFailedError around the driver's), so
 * they are told apart the same way (an unreachable database is a 503).
 */
export async function runPrepared<T extends QueryResultRow>(dataSource: DataSource, statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
  return runOn(poolOf(dataSource), statement, values);
}

/** The pool under TypeORM's PostgreSQL driver. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/** Runs a prepared statement on a pool or one of its connections, failing as TypeORM's queries do. */
export async function runOn<T extends QueryResultRow>(target: Pick<Pool, 'query'>, statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
  try {
    const result = await target.query<T>({ name: statement.name, text: statement.text, values: [...values] });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(statement.text, [...values], error as Error);
  }
}
