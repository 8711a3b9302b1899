import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationFlowEntity } from '../../generation/entities/generation-flow.entity';
import type { FlowDefinition, FlowPlan, FlowStep } from '../../generation/flows/flow-definition';
import { IllustratedEndings } from './illustrated-endings';
import { IllustratedPublisher } from './illustrated-publisher';
import { assetColumns, IllustratedSceneEntity } from './illustrated-scene.entity';
import { IllustratedStoryEntity } from './illustrated-story.entity';
import { ASSET_OF_KIND, illustratedFlowState, sceneStepInput, STEP_KIND_OF, type SceneStepInput } from './illustrated-story-flow-state';

/**
 * An illustrated story as one flow. It plans from the scenes' statuses, so a
 * retry (which marks failed parts PENDING again) is picked up by a running
 * flow or by a new one alike: scene texts in order, each seeing the story so
 * far; as soon as a scene's text is written, its picture and narration run
 * beside the next scene's text. The age band is enforced inside each text
 * step (see SceneTextHandler).
 */
@Injectable()
export class IllustratedStoryFlow implements FlowDefinition {
  constructor(
    private readonly publisher: IllustratedPublisher,
    private readonly endings: IllustratedEndings,
  ) {}

  async next(flow: GenerationFlowEntity, steps: GenerationEntity[], manager: EntityManager): Promise<FlowPlan> {
    // The story's lock orders planning with retries and stops.
    const story = await manager.findOne(IllustratedStoryEntity, { where: { id: flow.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!story || story.stopped || steps.some((step) => step.status === 'stopped')) return { type: 'cancel' };
    const scenes = await manager.find(IllustratedSceneEntity, { where: { storyId: story.id }, order: { sequence: 'ASC' } });

    const planned: FlowStep[] = [];
    for (const scene of scenes) {
      if (scene.textStatus !== 'COMPLETED') continue;
      if (scene.imageStatus === 'PENDING') planned.push(this.step('image', { sceneId: scene.id }));
      if (scene.narrationStatus === 'PENDING') planned.push(this.step('narration', { sceneId: scene.id }));
    }
    // Only the first scene without text may be written: every later one needs it.
    const unwritten = scenes.find((scene) => scene.textStatus !== 'COMPLETED');
    if (unwritten?.textStatus === 'PENDING') {
      // Written before (a retry): the builtin planner is asked for another take.
      planned.unshift(this.step('text', { sceneId: unwritten.id, ...(unwritten.textGenerationId && { variant: 1 }) }));
    }
    if (planned.length) {
      const stage = unwritten?.textStatus === 'PENDING' ? `scene ${unwritten.sequence} of ${scenes.length}` : 'pictures and narration';
      return { type: 'steps', steps: planned, stage };
    }
    const failure = this.endings.failureOf(scenes);
    return failure ? { type: 'fail', message: failure } : { type: 'done', stage: 'finished' };
  }

  progress(flow: GenerationFlowEntity, steps: GenerationEntity[]): number {
    const { units } = illustratedFlowState(flow);
    return (100 * steps.filter((step) => step.status === 'completed').length) / Math.max(1, units);
  }

  /** Each new step marks its part PROCESSING and names itself on the scene, in the transaction that creates it. */
  async onStepsCreated(flow: GenerationFlowEntity, steps: GenerationEntity[], manager: EntityManager): Promise<void> {
    for (const step of steps) {
      const asset = ASSET_OF_KIND[step.kind];
      if (!asset) continue;
      const columns = assetColumns(asset);
      await manager.update(IllustratedSceneEntity, { id: sceneStepInput(step).sceneId }, { [columns.status]: 'PROCESSING', [columns.generationId]: step.id, [columns.error]: null });
    }
    await manager.update(IllustratedStoryEntity, { id: flow.targetId }, { status: 'PROCESSING', error: null });
  }

  onEnded(flow: GenerationFlowEntity, manager: EntityManager): Promise<void> {
    return this.endings.end(flow, manager);
  }

  publish(flow: GenerationFlowEntity): void {
    this.publisher.publish(flow.targetId);
  }

  private step(asset: keyof typeof STEP_KIND_OF, input: SceneStepInput): FlowStep {
    return { kind: STEP_KIND_OF[asset], input: { ...input } };
  }
}
