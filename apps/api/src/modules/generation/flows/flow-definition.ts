import type { GenerationKind } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import type { GenerationEntity } from '../entities/generation.entity';
import type { GenerationFlowEntity } from '../entities/generation-flow.entity';

/**
 * How a step runs. `text` steps stream through the generation queue today;
 * picture, narration and transcription steps will be further types, each
 * with its own queue and processor, planned by flows the same way.
 */
export type StepType = 'text';

/** One step a flow asks for: an ordinary generation of `kind`, read back by that kind's handler. */
export interface FlowStep {
  type?: StepType;
  kind: GenerationKind;
  input: Record<string, unknown>;
}

/**
 * What a flow does next, decided from the steps so far: run steps (several
 * at once run side by side; the flow wakes when all are done), or end.
 */
export type FlowPlan =
  | { type: 'steps'; steps: FlowStep[]; stage: string }
  /** Finished; `stage` names the last thing done (kept as the flow's stage). */
  | { type: 'done'; stage?: string }
  /** Someone stopped a step: the flow ends as cancelled, keeping what it made. */
  | { type: 'cancel' }
  | { type: 'fail'; message: string };

/**
 * A feature's multi-step job. The runner owns the queue, the locks, stop and
 * retries; the definition only plans from the flow's state and its finished
 * steps, and keeps what steps produce in `flow.state` (through the steps'
 * handlers, in their finishing transactions).
 */
export interface FlowDefinition {
  /** Runs under the flow's row lock; `steps` are every step so far, in order, all finished. */
  next(flow: GenerationFlowEntity, steps: GenerationEntity[], manager: EntityManager): Promise<FlowPlan>;
  /** 0–99 after these steps; the runner never lets progress go back. */
  progress(flow: GenerationFlowEntity, steps: GenerationEntity[]): number;
  /** In the transaction that creates steps, e.g. marking the resource busy with them. */
  onStepsCreated?(flow: GenerationFlowEntity, steps: GenerationEntity[], manager: EntityManager): Promise<void>;
  /** In the transaction that ends the flow, whatever the ending. */
  onEnded?(flow: GenerationFlowEntity, manager: EntityManager): Promise<void>;
  /** Tells the owner after each committed change (a socket event of the feature's own). */
  publish(flow: GenerationFlowEntity, activeStepId: string | null): void;
}
