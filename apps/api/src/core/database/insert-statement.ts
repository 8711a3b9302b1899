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

/** The INSERT TypeORM would send for `row`, built but not sent; `returning` reads the whole stored row back. */
export function insertStatement(dataSource: DataSource, row: RowInsert, returning = false): BuiltStatement {
  const builder = dataSource.createQueryBuilder().insert().into(row.entity).values(row.values).updateEntity(false);
  if (returning) builder.returning('*');
  const [sql, parameters] = builder.getQueryAndParameters();
  return { sql, parameters };
}
