import type { ImageRequest, PromptPlan, SpeechRequest } from '@storyos/domain';
import type { EntityManager } from 'typeorm';
import type { GenerationEntity } from '../entities/generation.entity';
import type { ClaimReads } from './claim-reads';

/** What a picture or narration step makes: one picture, or a text spoken piece by piece. */
export type MediaStepPlan = { type: 'image'; request: ImageRequest } | { type: 'narration'; text: string; speaker?: SpeechRequest['speaker']; voice?: SpeechRequest['voice'] };

/**
 * What a feature module supplies for each generation kind it owns. The
 * pipeline streams, retries and stops; the handler knows what to ask and
 * where the result goes. A text kind builds a prompt; a picture or
 * narration kind (see `stepTypeOf`) builds a media plan.
 */
export interface GenerationHandler<Reads = unknown> {
  /**
   * Text kinds, optional: the stored inputs a prompt is built from, read by the generation's id alone inside the
   * worker's claim statement, so the first words wait for one round trip instead of two.
   */
  claimReads?: ClaimReads<Reads>;
  /**
   * Text kinds: runs in the worker at the start of every attempt, from stored inputs only; the pipeline fits it to the model's context.
   * `meanwhile` takes writes the prompt need not wait for (e.g. recording what it holds): they go on while it is sent, and the step ends only once they are done.
   * `readAhead`: what `claimReads` answered with this attempt's claim; absent for a job that did not name its kind (read them with `readAlone`).
   */
  buildPrompt?(generation: GenerationEntity, meanwhile: (write: Promise<unknown>) => void, readAhead?: Promise<Reads>): Promise<PromptPlan>;
  /** Picture and narration kinds: what to make, from stored inputs only. */
  buildMedia?(generation: GenerationEntity): Promise<MediaStepPlan>;
  /** Stores the outcome (completed, stopped or failed) in the same transaction as the status change; media steps find their parts in `generation.media`. */
  onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void>;
  /** After the commit: follow-up work, such as the world-state step after a turn. */
  afterFinished?(generation: GenerationEntity): Promise<void>;
}
