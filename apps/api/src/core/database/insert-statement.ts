import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { BuiltStatement } from './one-statement';

/** A row to insert: its entity and its values as the entity names them. */
export interface RowInsert {
  entity: EntityTarget<ObjectLiteral>;
  values: ObjectLiteral;
}

/** A row of `entity`, its values checked against the entity's properties. */
export function rowOf<T extends ObjectLiteral>(entity: EntityTarget<T>, values: QueryDeepPartialEntity<T>): RowInsert {
  return { entity, values };
}

/**
 * The INSERT of `row`, built but not sent: the columns it gives, each value
 * converted as TypeORM converts it for the database (JSON, transformers);
 * the columns it leaves out take the table's defaults. Written from the
 * entity's metadata rather than by the query builder, which cost more than
 * the insert itself on a reply's way to its first words; the same columns
 * give the same text, so the statement can be prepared once.
 * `returning` reads the whole stored row back.
 */
export function insertStatement(dataSource: DataSource, row: RowInsert, returning = false): BuiltStatement {
  const metadata = dataSource.getMetadata(row.entity);
  const { driver } = dataSource;
  const columns = metadata.columns.filter((column) => column.isInsert && row.values[column.propertyName] !== undefined);
  const names = columns.map((column) => driver.escape(column.databaseName));
  const positions = columns.map((_column, index) => `$${index + 1}`);
  const parameters = columns.map((column) => driver.preparePersistentValue(row.values[column.propertyName], column));
  const sql = `INSERT INTO ${driver.escape(metadata.tableName)}(${names.join(', ')}) VALUES (${positions.join(', ')})${returning ? ' RETURNING *' : ''}`;
  return { sql, parameters };
}
