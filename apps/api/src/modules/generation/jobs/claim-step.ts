import { In, type Repository } from 'typeorm';
import { entityFromRow } from '../../../core/database/entity-from-row';
import { GenerationEntity } from '../entities/generation.entity';

/**
 * Moves a step's generation to `streaming` for this attempt and answers its
 * row, in one round trip; null when it is gone or no longer open (stopped or
 * ended while the job was being picked up), and then the job must not run.
 * `startedAt` stays the first attempt's: how long the reader has waited,
 * retries included. `writer` records who writes it.
 */
export async function claimStep(
  generations: Repository<GenerationEntity>,
  generationId: string,
  attempt: number,
  writer?: { provider: GenerationEntity['provider']; model: GenerationEntity['model'] },
): Promise<GenerationEntity | null> {
  const result = await generations
    .createQueryBuilder()
    .update(GenerationEntity)
    .set({ status: 'streaming', attempt, startedAt: () => 'COALESCE(started_at, :claimedAt)', ...writer })
    .where({ id: generationId, status: In(['queued', 'streaming']) })
    .setParameter('claimedAt', new Date())
    .returning('*')
    .execute();
  const [row] = result.raw as Record<string, unknown>[];
  return row ? entityFromRow(generations, row) : null;
}
