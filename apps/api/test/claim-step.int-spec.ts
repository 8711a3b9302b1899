import { randomUUID } from 'node:crypto';
import { DataSource, type Repository } from 'typeorm';
import { runPrepared } from '../src/core/database/prepared-statement';
import { GenerationEntity } from '../src/modules/generation/entities/generation.entity';
import type { ClaimReads } from '../src/modules/generation/handlers/claim-reads';
import { claimStepWithReads } from '../src/modules/generation/jobs/claim-step';
import { registerAccount } from './support/auth-helpers';
import { generationInsert } from './support/generation-rows';
import { httpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

interface KindAndInput {
  kind: string;
  input: Record<string, unknown>;
}

/** What a handler reads with the claim: here, the generation's own kind and input as they were when it was claimed. */
const OWN_INPUT: ClaimReads<KindAndInput | null> = {
  sql: 'SELECT g.kind, g.input, g.status FROM generations g WHERE g.id = $1',
  read: (row) => (row as KindAndInput | null) ?? null,
};

/** Reads that find nothing: the claim still happens, and `read` is told so. */
const NOTHING: ClaimReads<'nothing' | 'something'> = {
  sql: 'SELECT g.id FROM generations g WHERE g.id = $1 AND false',
  read: (row) => (row === null ? 'nothing' : 'something'),
};

describe('claiming a step together with its prompt reads', () => {
  let app: TestApp;
  let dataSource: DataSource;
  let generations: Repository<GenerationEntity>;
  let ownerId: string;

  beforeAll(async () => {
    app = await startTestApp();
    dataSource = app.app.get(DataSource);
    generations = dataSource.getRepository(GenerationEntity);
    ownerId = (await registerAccount(httpClient(app.url), 'claim-step')).session.user.id;
  });
  afterAll(() => app.close());

  async function stored(status: GenerationEntity['status']): Promise<string> {
    const id = randomUUID();
    const { statement, parameters } = generationInsert(dataSource, ownerId, { id, input: { turn: 3 }, provider: 'before', model: 'before', status });
    await runPrepared(dataSource, statement, parameters);
    return id;
  }

  it('claims a queued step and answers its reads as the claim saw them, in one statement', async () => {
    const id = await stored('queued');

    const claimed = await claimStepWithReads(generations, { generationId: id }, 2, { provider: 'openai-compatible', model: 'story-model' }, OWN_INPUT);

    expect(claimed?.generation).toMatchObject({ id, status: 'streaming', attempt: 2, provider: 'openai-compatible', model: 'story-model' });
    // Read from the same snapshot as the claim: the row as it was before this claim changed it.
    expect(claimed?.reads).toEqual({ kind: 'game.turn', input: { turn: 3 }, status: 'queued' });
    expect(await generations.findOneByOrFail({ id })).toMatchObject({ status: 'streaming', attempt: 2 });
  });

  it('claims nothing, and changes nothing, for a step that is no longer open', async () => {
    const id = await stored('stopped');

    expect(await claimStepWithReads(generations, { generationId: id }, 1, undefined, OWN_INPUT)).toBeNull();
    expect(await generations.findOneByOrFail({ id })).toMatchObject({ status: 'stopped', attempt: 0, provider: 'before' });
  });

  it('tells the handler when its reads found nothing', async () => {
    const id = await stored('queued');

    const claimed = await claimStepWithReads(generations, { generationId: id }, 1, undefined, NOTHING);

    expect(claimed?.reads).toBe('nothing');
    expect(claimed?.generation.status).toBe('streaming');
  });

  it('claims a step whose job waited for rows stored long before, in the same way', async () => {
    const id = await stored('queued');

    const claimed = await claimStepWithReads(generations, { generationId: id, committing: true }, 1, undefined, OWN_INPUT);

    expect(claimed?.generation).toMatchObject({ id, status: 'streaming', attempt: 1 });
    expect(claimed?.reads).toEqual({ kind: 'game.turn', input: { turn: 3 }, status: 'queued' });
  });
});
