/**
 * One statement as TypeORM builds it for PostgreSQL: text with $1…$n, and
 * its parameters in that order. Every value is a parameter, never a literal
 * in the text, so a `$` followed by digits in the text is a placeholder.
 */
export interface BuiltStatement {
  sql: string;
  parameters: unknown[];
}

/**
 * Several statements as one: each becomes a data-modifying WITH part, so
 * PostgreSQL runs them all or none (foreign keys between them are checked
 * when the whole statement ends), in one round trip instead of a
 * transaction's BEGIN, one per statement, and COMMIT. The first part's
 * rows (its RETURNING) are the answer. Placeholders of each later part are
 * shifted past those of the parts before it.
 */
export function oneStatement(statements: readonly BuiltStatement[]): BuiltStatement {
  if (statements.length === 0) throw new Error('oneStatement needs at least one statement');
  const parts: string[] = [];
  const parameters: unknown[] = [];
  for (const [index, statement] of statements.entries()) {
    const offset = parameters.length;
    parts.push(`part${index} AS (${shiftPlaceholders(statement.sql, offset, statement.parameters.length)})`);
    parameters.push(...statement.parameters);
  }
  return { sql: `WITH ${parts.join(', ')} SELECT * FROM part0`, parameters };
}

/** $1…$count become $(1+offset)…; a placeholder beyond `count` means the text is not what it seems, and is refused. */
function shiftPlaceholders(sql: string, offset: number, count: number): string {
  return sql.replace(/\$(\d+)/g, (_placeholder, digits: string) => {
    const number = Number(digits);
    if (number < 1 || number > count) throw new Error(`Placeholder $${number} has no parameter (the statement has ${count})`);
    return `$${number + offset}`;
  });
}
