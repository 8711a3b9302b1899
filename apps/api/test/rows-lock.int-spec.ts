import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type Repository } from 'typeorm';
import type { PoolTransaction } from '../src/core/database/pool-transaction';
import { GenerationEntity } from '../src/modules/generation/entities/generation.entity';
import { prepared } from '../src/core/database/prepared-statement';
import type { ClaimReads } from '../src/modules/generation/handlers/claim-reads';
import { claimStep, claimStepWithReads } from '../src/modules/generation/jobs/claim-step';
import { beginHoldingRowsLock } from '../src/modules/generation/jobs/rows-lock';
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
    const { statement, parameters } = generationInsert(dataSource, ownerId, { id, input: { turn: 7 } });
    // The insert goes where a feature's read goes: in the transaction's first round trip.
    const { transaction } = await beginHoldingRowsLock(dataSource, id, { statement, values: parameters });
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
    let claimed = false;
    const claiming = claimStep(generations, { generationId: id, committing: true }, 1).then((generation) => {
      claimed = true;
      return generation;
    });

    await someoneWaits();
    expect(claimed).toBe(false);
    await transaction.commit();

    expect(await claiming).toMatchObject({ id, status: 'streaming', attempt: 1 });
    expect(await generations.findOneByOrFail({ id })).toMatchObject({ status: 'streaming' });
  });

  it('claims nothing, and stores nothing, when the storing transaction rolls back', async () => {
    const { id, transaction } = await storing();
    const claiming = claimStep(generations, { generationId: id, committing: true }, 1);

    await someoneWaits();
    await transaction.rollback();

    expect(await claiming).toBeNull();
    expect(await generations.findOneBy({ id })).toBeNull();
  });

  it('does not wait for a job queued after its transaction', async () => {
    const { id, transaction } = await storing();
    try {
      // Another transaction's uncommitted row is neither seen nor waited for.
      expect(await claimStep(generations, { generationId: id }, 1)).toBeNull();
    } finally {
      await transaction.rollback();
    }
  });

  it("reads a prompt's inputs as the storing transaction committed them, though the claim was sent before the commit", async () => {
    const { id, transaction } = await storing();
    const ownInput: ClaimReads<unknown> = { sql: 'SELECT g.input FROM generations g WHERE g.id = $1', read: (row) => row };
    const claiming = claimStepWithReads(generations, { generationId: id, committing: true }, 1, undefined, ownInput);

    await someoneWaits();
    await transaction.commit();

    expect((await claiming)?.reads).toEqual({ input: { turn: 7 } });
  });

  it("answers the read run with BEGIN and the lock, its values written as literals (quotes and all)", async () => {
    const echo = prepared('SELECT $1::text AS said, $2::int AS turn, $3::timestamptz AS at, $4::text AS nothing');
    const at = new Date('2026-12-02T10:11:12.345Z');
    for (const said of ["the keeper's lamp", "O'Brien said \\'no\\'"]) {
      const { transaction, rows } = await beginHoldingRowsLock(dataSource, randomUUID(), { statement: echo, values: [said, 4, at, null] });
      await transaction.rollback();
      expect(rows).toEqual([{ said, turn: 4, at, nothing: null }]);
    }
  });

  it('closes the connection when the read fails, and the next transaction prepares the read again', async () => {
    const asNumber = prepared('SELECT $1::int AS turn');
    const failure = await beginHoldingRowsLock(dataSource, randomUUID(), { statement: asNumber, values: ['seven'] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    for (const turn of [7, 8]) {
      const { transaction, rows } = await beginHoldingRowsLock(dataSource, randomUUID(), { statement: asNumber, values: [turn] });
      await transaction.commit();
      expect(rows).toEqual([{ turn }]);
    }
    const held = (await dataSource.query(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory'`)) as { held: number }[];
    expect(held).toEqual([{ held: 0 }]);
  });

  it('stores its last statement and commits in one round trip, values written as literals (JSON, times, nothing)', async () => {
    const id = randomUUID();
    const { transaction } = await beginHoldingRowsLock(dataSource, id, { statement: prepared('SELECT 1 AS one'), values: [] });
    const { statement, parameters } = generationInsert(dataSource, ownerId, { id, input: { turn: 2, said: "the keeper's \\'lamp\\'" }, startedAt: new Date('2026-12-02T10:11:12.345Z'), error: null });

    await transaction.commitWith(statement, parameters);

    expect(await generations.findOneByOrFail({ id })).toMatchObject({ input: { turn: 2, said: "the keeper's \\'lamp\\'" }, startedAt: new Date('2026-12-02T10:11:12.345Z'), error: null, status: 'queued' });
    const held = (await dataSource.query(`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory'`)) as { held: number }[];
    expect(held).toEqual([{ held: 0 }]);
  });

  it('keeps nothing of the transaction when its last statement fails, and the worker claims nothing', async () => {
    const { id, transaction } = await storing();
    const claiming = claimStep(generations, { generationId: id, committing: true }, 1);
    await someoneWaits();

    const failure = await transaction.commitWith(prepared('SELECT $1::int AS turn'), ['seven']).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(await claiming).toBeNull();
    expect(await generations.findOneBy({ id })).toBeNull();
  });
});
