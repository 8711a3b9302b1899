import type { ObjectLiteral, Repository } from 'typeorm';

/**
 * An entity from a raw row (e.g. what UPDATE … RETURNING * answers), each
 * column converted as TypeORM converts it when it loads the entity itself.
 */
export function entityFromRow<T extends ObjectLiteral>(repository: Repository<T>, row: Record<string, unknown>): T {
  const { metadata } = repository;
  const { driver } = repository.manager.connection;
  const entity = repository.create();
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
