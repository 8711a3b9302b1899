import type { DataSource } from 'typeorm';
import { eventually } from './eventually';

/** Resolves once some statement waits for a row another transaction holds (locked, or inserted and not yet committed). */
export function untilWaitingForARow(dataSource: DataSource): Promise<void> {
  return eventually(async () => {
    const [waiting] = (await dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')`)) as { n: number }[];
    expect(waiting!.n).toBeGreaterThan(0);
  });
}
