import { QueryFailedError, type DataSource } from 'typeorm';
import { unavailableDependency } from '../errors/unavailable-dependency';
import { prepared, runPrepared } from './prepared-statement';

const withPool = (query: jest.Mock): DataSource => ({ driver: { master: { query } } }) as unknown as DataSource;

describe('prepared statements', () => {
  it('names a statement after its text: the same text, the same name; another text, another name', () => {
    const select = prepared('SELECT 1');
    expect(select.name).toBe(prepared('SELECT 1').name);
    expect(select.name).not.toBe(prepared('SELECT 2').name);
    expect(select.name.length).toBeLessThanOrEqual(63); // PostgreSQL cuts longer names
  });

  it('sends the name, the text and the values to the pool, and answers the rows', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [{ id: 'a' }] });
    const statement = prepared('SELECT * FROM t WHERE id = $1');
    await expect(runPrepared(withPool(query), statement, ['a'])).resolves.toEqual([{ id: 'a' }]);
    expect(query).toHaveBeenCalledWith({ name: statement.name, text: statement.text, values: ['a'] });
  });

  it('fails as TypeORM does, so an unreachable database is still told apart', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:6543'), { code: 'ECONNREFUSED' });
    const failure = await runPrepared(withPool(jest.fn().mockRejectedValue(refused)), prepared('SELECT 1'), []).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError).driverError).toBe(refused);
    expect(unavailableDependency(failure)).toBe('database');
  });
});
