import type { EntityManager, EntityTarget, FindOptionsRelations, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * The row matching a unique key, its relations joined, in one query.
 * `findOne` adds LIMIT 1, and TypeORM answers a LIMIT over joins with two
 * queries in series (the distinct ids first, then the rows); without the
 * limit it is one. Only for a `where` that matches at most one row.
 */
export async function findOneJoined<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  relations: FindOptionsRelations<T>,
): Promise<T | null> {
  const [row] = await manager.find(entity, { where, relations });
  return row ?? null;
}
