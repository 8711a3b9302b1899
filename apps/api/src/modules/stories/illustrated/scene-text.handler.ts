import { Injectable } from '@nestjs/common';
import { scenePlan, withRequirementDefaults, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { IllustratedPublisher } from './illustrated-publisher';
import { IllustratedSceneEntity } from './illustrated-scene.entity';
import { IllustratedStoryEntity } from './illustrated-story.entity';
import { sceneStepInput } from './illustrated-story-flow-state';

/**
 * create.scene: one scene's text, from the requirements and the scenes
 * before it. The age band is enforced by the plan's check (`checkAgeBand`):
 * a text that fails it is written once more, shown what was wrong; if that
 * one fails too the step fails with a plain message ("could not be written
 * in words right for ages 4 to 6") and the scene reads FAILED — a child
 * never gets a text that failed the check. Stored exactly once, in the
 * step's finishing transaction; a stopped step's partial text is not kept
 * (half a scene is not readable).
 */
@Injectable()
export class SceneTextHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: IllustratedPublisher,
  ) {}

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const manager = this.dataSource.manager;
    const { sceneId, variant } = sceneStepInput(generation);
    const story = await manager.findOneBy(IllustratedStoryEntity, { id: generation.targetId });
    const scenes = await manager.find(IllustratedSceneEntity, { where: { storyId: generation.targetId }, order: { sequence: 'ASC' } });
    const scene = scenes.find((item) => item.id === sceneId);
    if (!story || !scene) throw new UnrecoverableError(`Generation ${generation.id} lost its story or scene`);
    const earlier = scenes.filter((item) => item.sequence < scene.sequence && item.textStatus === 'COMPLETED').map((item) => item.text);
    return scenePlan(withRequirementDefaults(story.requirements), scene.sequence - 1, earlier, variant ?? 0);
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const scene = await manager.findOne(IllustratedSceneEntity, { where: { id: sceneStepInput(generation).sceneId }, lock: { mode: 'pessimistic_write' } });
    // Deleted meanwhile, or the scene has moved on to another step.
    if (!scene || scene.textGenerationId !== generation.id) return;
    await manager.update(IllustratedSceneEntity, { id: scene.id }, this.outcome(generation));
  }

  async afterFinished(generation: GenerationEntity): Promise<void> {
    await this.publisher.send(generation.targetId);
  }

  private outcome(generation: GenerationEntity): Partial<IllustratedSceneEntity> {
    if (generation.status === 'stopped') return { textStatus: 'FAILED', textError: 'Stopped before it was finished.' };
    if (generation.status !== 'completed') return { textStatus: 'FAILED', textError: generation.error ?? 'This scene could not be written. Please retry it.' };
    const text = generation.text.trim();
    if (!text) return { textStatus: 'FAILED', textError: 'The story engine wrote nothing for this scene. Please retry it.' };
    return { text, textStatus: 'COMPLETED', textError: null };
  }
}
