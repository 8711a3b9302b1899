import type { PoolClient, QueryResultRow } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { runAround, type FirstStatements } from './prepared-after';
import { poolOf, type PreparedStatement, type StatementRun } from './prepared-statement';

/**
 * A transaction on one of the pool's connections, for prepared statements
 * outside TypeORM (see prepared-statement.ts). It ends with `commitWith`,
 * `commit` or `rollback`, which give the connection back.
 */
export class PoolTransaction {
  private ended = false;

  private constructor(private readonly client: PoolClient) {}

  /** `first`: statements run with BEGIN, and then `read`, in one round trip (see `runAround`); the read's rows are the answer. */
  static async begin<T extends QueryResultRow = QueryResultRow>(dataSource: DataSource, first: FirstStatements, read: StatementRun): Promise<{ transaction: PoolTransaction; rows: T[] }> {
    const client = await poolOf(dataSource).connect();
    try {
      const rows = await runAround<T>(client, read.statement, read.values, { before: (literal) => `BEGIN; ${first(literal)}` });
      return { transaction: new PoolTransaction(client), rows };
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  /** The transaction's last statement and its commit, in one round trip (see `runAround`); its rows are the answer. A failure rolls everything back. */
  async commitWith<T extends QueryResultRow>(statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
    this.ended = true;
    try {
      const rows = await runAround<T>(this.client, statement, values, { after: 'COMMIT' });
      this.client.release();
      return rows;
    } catch (error) {
      // Closed: PostgreSQL rolls back what the connection had begun.
      this.client.release(error as Error);
      throw error;
    }
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
