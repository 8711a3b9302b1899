import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PoolTransaction } from '../src/core/database/pool-transaction';
import { prepared } from '../src/core/database/prepared-statement';
import { HOLD_ROWS_LOCK, rowsStored } from '../src/modules/generation/jobs/rows-lock';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

const STORE = prepared('INSERT INTO rows_lock_probe (id) VALUES ($1)');

/** A job is queued while its rows are being stored: the worker must not read before that transaction ends. */
describe('a job queued while its generation is being stored', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    dataSource = app.app.get(DataSource);
    await dataSource.query('CREATE TABLE rows_lock_probe (id uuid PRIMARY KEY)');
  });
  afterAll(async () => {
    await dataSource.query('DROP TABLE rows_lock_probe');
    await app.close();
  });

  /** A transaction storing a row under the rows lock of `id`, as GenerationsService does before it queues the job. */
  async function storing(id: string): Promise<PoolTransaction> {
    const transaction = await PoolTransaction.begin(dataSource);
    await transaction.run(HOLD_ROWS_LOCK, [id]);
    await transaction.run(STORE, [id]);
    return transaction;
  }

  /** Resolves once a backend waits for an advisory lock: the worker's read is held back, not merely slow. */
  const someoneWaits = () =>
    eventually(async () => {
      const rows = (await dataSource.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)) as { waiting: number }[];
      expect(rows).toEqual([{ waiting: 1 }]);
    });

  const stored = (id: string) => dataSource.query('SELECT id FROM rows_lock_probe WHERE id = $1', [id]) as Promise<{ id: string }[]>;

  it('waits until the storing transaction commits, and then reads its rows', async () => {
    const id = randomUUID();
    const transaction = await storing(id);
    let done = false;
    const read = rowsStored(dataSource, { generationId: id, committing: true }).then(() => {
      done = true;
      return stored(id);
    });

    await someoneWaits();
    expect(done).toBe(false);
    await transaction.commit();

    expect(await read).toEqual([{ id }]);
  });

  it('finds nothing after the storing transaction rolls back', async () => {
    const id = randomUUID();
    const transaction = await storing(id);
    const read = rowsStored(dataSource, { generationId: id, committing: true }).then(() => stored(id));

    await someoneWaits();
    await transaction.rollback();

    expect(await read).toEqual([]);
  });

  it('does not wait for a job queued after its rows were stored', async () => {
    const id = randomUUID();
    const transaction = await storing(id);
    try {
      // Another generation's transaction holds the same kind of lock; a job queued after its commit does not look at it.
      await rowsStored(dataSource, { generationId: id });
      expect(await stored(id)).toEqual([]);
    } finally {
      await transaction.rollback();
    }
  });
});
