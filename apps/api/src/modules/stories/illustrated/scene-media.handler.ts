import { Injectable } from '@nestjs/common';
import { scenePicturePrompt, withRequirementDefaults } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler, MediaStepPlan } from '../../generation/handlers/generation-handler';
import { MediaCapabilitiesService } from '../../media/providers/media-capabilities.service';
import { IllustratedPublisher } from './illustrated-publisher';
import { assetColumns, IllustratedSceneEntity } from './illustrated-scene.entity';
import { IllustratedStoryEntity } from './illustrated-story.entity';
import { ASSET_OF_KIND, sceneStepInput } from './illustrated-story-flow-state';

/**
 * create.scene.picture | create.scene.narration: a scene's picture (its
 * prompt carries the age band and the style) or the scene read aloud. The
 * parts stay on the step (a generation); the scene row records the outcome.
 */
@Injectable()
export class SceneMediaHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: IllustratedPublisher,
    private readonly capabilities: MediaCapabilitiesService,
  ) {}

  async buildMedia(generation: GenerationEntity): Promise<MediaStepPlan> {
    const manager = this.dataSource.manager;
    const story = await manager.findOneBy(IllustratedStoryEntity, { id: generation.targetId });
    const scene = await manager.findOneBy(IllustratedSceneEntity, { id: sceneStepInput(generation).sceneId });
    if (!story || !scene || scene.textStatus !== 'COMPLETED') throw new UnrecoverableError(`Generation ${generation.id} lost its scene`);
    if (generation.kind === 'create.scene.narration') return { type: 'narration', text: scene.text, ...this.voiceOf(story.requirements.narratorVoice) };
    const requirements = withRequirementDefaults(story.requirements);
    return {
      type: 'image',
      request: { prompt: scenePicturePrompt(requirements, scene.sequence - 1, scene.text), caption: firstSentence(scene.text), characters: requirements.characters.map((character) => character.name), aspect: 'landscape' },
    };
  }

  /** The voice asked for when the speech provider has it; else its narrator voice (a wish said in words, "a grandma voice", is not a voice id). */
  private voiceOf(asked: string | null): { voice?: string } {
    return asked && this.capabilities.current().speech.voices.includes(asked) ? { voice: asked } : {};
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const asset = ASSET_OF_KIND[generation.kind];
    const scene = asset ? await manager.findOne(IllustratedSceneEntity, { where: { id: sceneStepInput(generation).sceneId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!asset || !scene) return;
    const columns = assetColumns(asset);
    if (scene[columns.generationId] !== generation.id) return;
    const made = generation.status === 'completed' && generation.media.length > 0;
    const error = generation.status === 'stopped' ? 'Stopped before it was made.' : (generation.error ?? (asset === 'image' ? 'The picture could not be made. Please retry it.' : 'The narration could not be made. Please retry it.'));
    await manager.update(IllustratedSceneEntity, { id: scene.id }, { [columns.status]: made ? 'COMPLETED' : 'FAILED', [columns.error]: made ? null : error });
  }

  async afterFinished(generation: GenerationEntity): Promise<void> {
    await this.publisher.send(generation.targetId);
  }
}

/** The scene's first sentence: the caption under a builtin picture, and its alternative text. */
function firstSentence(text: string): string {
  const sentence = /^[^.!?]*[.!?]+["”’]?/.exec(text.trim())?.[0] ?? text.trim();
  return sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence;
}
