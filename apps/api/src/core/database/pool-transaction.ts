import type { PoolClient, QueryResultRow } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { poolOf, runOn, type PreparedStatement } from './prepared-statement';

/**
 * A transaction on one of the pool's connections, for prepared statements
 * outside TypeORM (see prepared-statement.ts). It ends with `commit` or
 * `rollback`, which give the connection back.
 */
export class PoolTransaction {
  private ended = false;

  private constructor(private readonly client: PoolClient) {}

  /**
   * `first`: a statement run with BEGIN in the same round trip; it gets the
   * connection's `escapeLiteral` for its values (a simple query has no
   * parameters).
   */
  static async begin(dataSource: DataSource, first?: (escapeLiteral: (value: string) => string) => string): Promise<PoolTransaction> {
    const client = await poolOf(dataSource).connect();
    const text = first ? `BEGIN; ${first((value) => client.escapeLiteral(value))}` : 'BEGIN';
    try {
      await client.query(text);
    } catch (error) {
      client.release(error as Error);
      throw new QueryFailedError(text, [], error as Error);
    }
    return new PoolTransaction(client);
  }

  run<T extends QueryResultRow>(statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
    return runOn<T>(this.client, statement, values);
  }

  async commit(): Promise<void> {
    const failure = await this.end('COMMIT');
    if (failure) throw new QueryFailedError('COMMIT', [], failure);
  }

  /** Never throws: a connection that cannot roll back is closed, which rolls back too. */
  async rollback(): Promise<void> {
    if (!this.ended) await this.end('ROLLBACK');
  }

  /** Sends `text` and gives the connection back (closed when it failed); answers the failure. */
  private async end(text: 'COMMIT' | 'ROLLBACK'): Promise<Error | undefined> {
    this.ended = true;
    try {
      await this.client.query(text);
      this.client.release();
      return undefined;
    } catch (error) {
      this.client.release(error as Error);
      return error as Error;
    }
  }
}
