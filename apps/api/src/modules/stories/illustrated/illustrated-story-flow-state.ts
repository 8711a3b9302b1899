import type { GenerationKind, GenerationTarget } from '@storyos/contracts';
import type { GenerationFlowEntity } from '../../generation/entities/generation-flow.entity';
import type { SceneAsset } from './illustrated-scene.entity';

export const ILLUSTRATED_FLOW = 'create.illustrated-story' as const;

export const illustratedTarget = (storyId: string): GenerationTarget => ({ type: 'illustrated-story', id: storyId });

/** The step kind that makes each part of a scene. */
export const STEP_KIND_OF: Record<SceneAsset, GenerationKind> = { text: 'create.scene', image: 'create.scene.picture', narration: 'create.scene.narration' };
export const ASSET_OF_KIND: Partial<Record<GenerationKind, SceneAsset>> = { 'create.scene': 'text', 'create.scene.picture': 'image', 'create.scene.narration': 'narration' };

/** What a step of the flow works on: its scene; a scene's text written again (a retry) asks the builtin planner for another variant. */
export interface SceneStepInput {
  sceneId: string;
  variant?: number;
}

export const sceneStepInput = (generation: { input: Record<string, unknown> }): SceneStepInput => generation.input as unknown as SceneStepInput;

/** What the flow keeps: how many parts it set out to make (its progress is the share made). */
export interface IllustratedFlowState {
  units: number;
}

export const illustratedFlowState = (flow: Pick<GenerationFlowEntity, 'state'>): IllustratedFlowState => flow.state as unknown as IllustratedFlowState;
