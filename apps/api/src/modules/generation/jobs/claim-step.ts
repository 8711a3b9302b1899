import { In, type Repository } from 'typeorm';
import type { GenerationEntity } from '../entities/generation.entity';

/**
 * Moves a step's generation to `streaming` for this attempt; false when it is
 * no longer open (stopped or ended while the job was being picked up), and
 * then the job must not run. `startedAt` stays the first attempt's: how long
 * the reader has waited, retries included. `writer` records who writes it.
 */
export async function claimStep(
  generations: Repository<GenerationEntity>,
  generation: Pick<GenerationEntity, 'id' | 'startedAt'>,
  attempt: number,
  writer?: { provider: GenerationEntity['provider']; model: GenerationEntity['model'] },
): Promise<boolean> {
  const claimed = await generations.update(
    { id: generation.id, status: In(['queued', 'streaming']) },
    { status: 'streaming', attempt, startedAt: generation.startedAt ?? new Date(), ...writer },
  );
  return Boolean(claimed.affected);
}
