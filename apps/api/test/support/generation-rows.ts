import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { insertStatement } from '../../src/core/database/insert-statement';
import { prepared, type PreparedStatement } from '../../src/core/database/prepared-statement';
import { GenerationEntity } from '../../src/modules/generation/entities/generation.entity';

/** The INSERT of a queued game turn's generation of `ownerId`, with `values` on top: built, to be run where the test stores it. */
export function generationInsert(dataSource: DataSource, ownerId: string, values: Partial<GenerationEntity> & Pick<GenerationEntity, 'id'>): { statement: PreparedStatement; parameters: unknown[] } {
  const row = insertStatement(dataSource, {
    entity: GenerationEntity,
    values: { ownerId, kind: 'game.turn', targetType: 'game-session', targetId: randomUUID(), input: { turn: 1 }, seed: 7, provider: 'test', model: 'test', status: 'queued', ...values },
  });
  return { statement: prepared(row.sql), parameters: row.parameters };
}
