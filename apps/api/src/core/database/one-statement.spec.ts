import { oneStatement } from './one-statement';

describe('oneStatement', () => {
  it('runs each statement as a WITH part and answers the first part’s rows', () => {
    const joined = oneStatement([
      { sql: 'INSERT INTO "a"("x") VALUES ($1) RETURNING *', parameters: ['a1'] },
      { sql: 'INSERT INTO "b"("y", "z") VALUES ($1, $2)', parameters: ['b1', 'b2'] },
    ]);
    expect(joined.sql).toBe('WITH part0 AS (INSERT INTO "a"("x") VALUES ($1) RETURNING *), part1 AS (INSERT INTO "b"("y", "z") VALUES ($2, $3)) SELECT * FROM part0');
    expect(joined.parameters).toEqual(['a1', 'b1', 'b2']);
  });

  it('shifts every placeholder of a later part, repeated and many-digit ones too', () => {
    const first = { sql: 'INSERT INTO "a" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', parameters: Array.from({ length: 10 }, (_, index) => index) };
    const second = { sql: 'INSERT INTO "b" VALUES ($1, $2, $1)', parameters: ['p', 'q'] };
    const joined = oneStatement([first, second]);
    expect(joined.sql).toContain('part1 AS (INSERT INTO "b" VALUES ($11, $12, $11))');
    expect(joined.sql).toContain('($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)');
    expect(joined.parameters).toEqual([...first.parameters, 'p', 'q']);
  });

  it('keeps a statement without parameters as it is', () => {
    const joined = oneStatement([
      { sql: 'INSERT INTO "a" VALUES ($1)', parameters: [1] },
      { sql: 'INSERT INTO "b" DEFAULT VALUES', parameters: [] },
    ]);
    expect(joined.sql).toContain('part1 AS (INSERT INTO "b" DEFAULT VALUES)');
    expect(joined.parameters).toEqual([1]);
  });

  it('refuses a placeholder that has no parameter', () => {
    expect(() => oneStatement([{ sql: 'INSERT INTO "a" VALUES ($1, $2)', parameters: [1] }])).toThrow('Placeholder $2 has no parameter');
  });

  it('refuses to join nothing', () => {
    expect(() => oneStatement([])).toThrow();
  });
});
