import type { PromptPlan } from '@storyos/domain';
import type { EntityManager } from 'typeorm';
import type { GenerationEntity } from '../entities/generation.entity';

/**
 * What a feature module supplies for each generation kind it owns. The
 * pipeline streams, retries and stops; the handler knows what to ask and
 * where the result goes.
 */
export interface GenerationHandler {
  /** Runs in the worker at the start of every attempt, from stored inputs only; the pipeline fits it to the model's context. */
  buildPrompt(generation: GenerationEntity): Promise<PromptPlan>;
  /** Stores the outcome (completed, stopped or failed) in the same transaction as the status change. */
  onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void>;
  /** After the commit: follow-up work, such as the world-state step after a turn. */
  afterFinished?(generation: GenerationEntity): Promise<void>;
}
