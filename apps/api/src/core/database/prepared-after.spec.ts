import { sqlLiteral } from './prepared-after';

const quoted = (value: string): string => `'${value.replaceAll("'", "''")}'`;

describe('values written as SQL literals', () => {
  it('quotes text with the connection’s own escaping', () => {
    expect(sqlLiteral("the keeper's lamp", quoted)).toBe("'the keeper''s lamp'");
  });

  it('writes numbers, booleans, nothing and moments as PostgreSQL reads them', () => {
    expect(sqlLiteral(42, quoted)).toBe('42');
    expect(sqlLiteral(-1.5, quoted)).toBe('-1.5');
    expect(sqlLiteral(true, quoted)).toBe('TRUE');
    expect(sqlLiteral(false, quoted)).toBe('FALSE');
    expect(sqlLiteral(null, quoted)).toBe('NULL');
    expect(sqlLiteral(undefined, quoted)).toBe('NULL');
    expect(sqlLiteral(new Date('2026-12-02T10:11:12.345Z'), quoted)).toBe("'2026-12-02T10:11:12.345Z'");
  });

  it('refuses what it cannot write safely rather than guessing', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, new Date('not a date'), { id: 1 }, ['a'], 10n]) {
      expect(() => sqlLiteral(value, quoted)).toThrow(TypeError);
    }
  });
});
