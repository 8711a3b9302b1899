import { UnrecoverableError } from 'bullmq';
import type { GenerationEntity } from '../../generation/entities/generation.entity';

/** The turn a game generation belongs to, as stored in its input (0: the opening). */
export function turnOf(generation: GenerationEntity): number {
  const turn = generation.input['turn'];
  if (typeof turn !== 'number' || !Number.isInteger(turn) || turn < 0) throw new UnrecoverableError(`Generation ${generation.id} has no turn in its input`);
  return turn;
}
