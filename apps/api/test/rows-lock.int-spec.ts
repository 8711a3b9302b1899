import { randomUUID } from 'node:crypto';
import { DataSource, type Repository } from 'typeorm';
import type { PoolTransaction } from '../src/core/database/pool-transaction';
import { GenerationEntity } from '../src/modules/generation/entities/generation.entity';
import { claimStep } from '../src/modules/generation/jobs/claim-step';
import { beginHoldingRowsLock, rowsStored } from '../src/modules/generation/jobs/rows-lock';
import { registerAccount } from './support/auth-helpers';
import { eventually } from './support/eventually';
import { generationInsert } from './support/generation-rows';
import { httpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A generation's job is queued while the transaction storing its rows is
 * open: the worker must read only once it has ended, and find nothing after a
 * rollback.
 */
describe('a job queued while its generation is being stored', () => {
  let app: TestApp;
  let dataSource: DataSource;
  let generations: Repository<GenerationEntity>;
  let ownerId: string;

  beforeAll(async () => {
    app = await startTestApp();
    dataSource = app.app.get(DataSource);
    generations = dataSource.getRepository(GenerationEntity);
    ownerId = (await registerAccount(httpClient(app.url), 'rows-lock')).session.user.id;
  });
  afterAll(() => app.close());

  /** A transaction storing a queued generation under its rows lock, as GenerationsService does before it queues the job; it ends in the test. */
  async function storing(): Promise<{ id: string; transaction: PoolTransaction }> {
    const id = randomUUID();
    const transaction = await beginHoldingRowsLock(dataSource, id);
    const { statement, parameters } = generationInsert(dataSource, ownerId, { id });
    await transaction.run(statement, parameters);
    return { id, transaction };
  }

  /** Resolves once a backend waits for an advisory lock: the claim is held back, not merely slow. */
  const someoneWaits = () =>
    eventually(async () => {
      const rows = (await dataSource.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)) as { waiting: number }[];
      expect(rows).toEqual([{ waiting: 1 }]);
    });

  it('claims the generation only once the storing transaction has committed', async () => {
    const { id, transaction } = await storing();
    let waited = false;
    const claiming = rowsStored(dataSource, { generationId: id, committing: true }).then(() => {
      waited = true;
      return claimStep(generations, id, 1);
    });

    await someoneWaits();
    expect(waited).toBe(false);
    await transaction.commit();

    expect(await claiming).toMatchObject({ id, status: 'streaming', attempt: 1 });
    expect(await generations.findOneByOrFail({ id })).toMatchObject({ status: 'streaming' });
  });

  it('claims nothing, and stores nothing, when the storing transaction rolls back', async () => {
    const { id, transaction } = await storing();
    const claiming = rowsStored(dataSource, { generationId: id, committing: true }).then(() => claimStep(generations, id, 1));

    await someoneWaits();
    await transaction.rollback();

    expect(await claiming).toBeNull();
    expect(await generations.findOneBy({ id })).toBeNull();
  });

  it('does not wait for a job queued after its transaction', async () => {
    const { id, transaction } = await storing();
    try {
      await rowsStored(dataSource, { generationId: id });
      // Another transaction's uncommitted row is neither seen nor waited for.
      expect(await claimStep(generations, id, 1)).toBeNull();
    } finally {
      await transaction.rollback();
    }
  });
});
