import { Injectable } from '@nestjs/common';
import type { PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationFlowEntity } from '../../generation/entities/generation-flow.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { StoryEntity } from '../entities/story.entity';
import { appendChapter, chapterText, extendedText, outlineFromReply, phasePlan, type PhaseContext } from '../phases/phase-request';
import { bibleOf } from '../phases/phase-context';
import { wholeStoryState, type WholeStoryState } from './whole-story-state';

/**
 * The steps of "write the whole story". Each asks from what the flow has so
 * far and, in its finishing transaction (exactly once, whatever retries it
 * went through), stores its part: a premise or outline version, or its
 * chapter appended to the one story version the flow grows. A stopped step
 * keeps its partial text; a failed one stores nothing.
 */
@Injectable()
export class WholeStoryStepHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly artifacts: StoryArtifacts,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(WholeStoryStepHandler.name);
  }

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const { context } = await this.contextOf(this.dataSource.manager, generation);
    switch (generation.kind) {
      case 'story.whole.premise':
        return phasePlan('premise', context);
      case 'story.whole.outline':
        return phasePlan('outline', context);
      case 'story.whole.extend':
        return phasePlan('extend', context);
      default:
        return phasePlan(context.chapterIndex === 0 ? 'start' : 'continue', context);
    }
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const story = await manager.findOne(StoryEntity, { where: { id: generation.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!story) return; // deleted meanwhile
    if (story.activeGenerationId === generation.id) await manager.update(StoryEntity, { id: story.id }, { activeGenerationId: null, activePhase: null });
    const reply = generation.text.trim();
    if (!reply || !(generation.status === 'completed' || generation.status === 'stopped')) return;
    const { state, context } = await this.contextOf(manager, generation);
    const cutOff = generation.finishReason === 'length';
    const add = (version: Parameters<StoryArtifacts['addVersion']>[2]) => this.artifacts.addVersion(manager, story.id, { ...version, generationId: generation.id });

    switch (generation.kind) {
      case 'story.whole.premise': {
        const premise = await add({ kind: 'premise', content: { text: reply }, source: 'generated' });
        return this.remember(manager, generation, { premiseArtifactId: premise.id });
      }
      case 'story.whole.outline': {
        if (generation.status !== 'completed') return; // half an outline is not an outline
        const outline = outlineFromReply(reply);
        if (!outline) return this.logger.warn({ generationId: generation.id, storyId: story.id, userId: generation.ownerId }, 'Outline reply could not be read');
        const version = await add({ kind: 'outline', content: { outline }, source: 'generated' });
        return this.remember(manager, generation, { outlineArtifactId: version.id, chapterCount: outline.chapters.length });
      }
      case 'story.whole.chapter': {
        const chapter = chapterText(reply, context.outline ?? { chapters: [] }, context.chapterIndex ?? 0);
        const growing = state.storyArtifactId ? await manager.findOneBy(StoryArtifactEntity, { id: state.storyArtifactId }) : null;
        if (growing) {
          await this.artifacts.updateContent(manager, growing, { text: appendChapter(growing.text, chapter) }, cutOff);
          return;
        }
        const version = await add({ kind: 'story', content: { text: chapter }, source: 'generated', cutOff });
        return this.remember(manager, generation, { storyArtifactId: version.id });
      }
      case 'story.whole.extend': {
        const growing = state.storyArtifactId ? await manager.findOneBy(StoryArtifactEntity, { id: state.storyArtifactId }) : null;
        if (growing) await this.artifacts.updateContent(manager, growing, { text: extendedText(growing.text, generation.text) }, cutOff);
        return;
      }
    }
  }

  /** Adds to the flow's record; one statement, so it needs no lock of its own. */
  private async remember(manager: EntityManager, generation: GenerationEntity, patch: WholeStoryState): Promise<void> {
    await manager.createQueryBuilder().update(GenerationFlowEntity).set({ state: () => `state || :patch::jsonb` }).setParameter('patch', JSON.stringify(patch)).where('id = :id', { id: generation.flowId }).execute();
  }

  /** The story and the versions the flow uses, as a phase context; the chapter a step writes comes from its input. */
  private async contextOf(manager: EntityManager, generation: GenerationEntity): Promise<{ state: WholeStoryState; context: PhaseContext }> {
    const flow = generation.flowId ? await manager.findOneBy(GenerationFlowEntity, { id: generation.flowId }) : null;
    const story = await manager.findOneBy(StoryEntity, { id: generation.targetId });
    if (!flow || !story) throw new UnrecoverableError(`Generation ${generation.id} lost its story or flow`);
    const state = wholeStoryState(flow);
    const textOf = async (id: string | undefined) => (id ? await manager.findOneBy(StoryArtifactEntity, { id }) : null);
    const premise = await textOf(state.premiseArtifactId);
    const outline = await textOf(state.outlineArtifactId);
    const storyText = await textOf(state.storyArtifactId);
    const chapterIndex = (generation.input as { chapterIndex?: number }).chapterIndex ?? null;
    return {
      state,
      context: { title: story.title, setup: story.setup, premise: premise?.text ?? null, outline: outline?.outline ?? null, storyText: storyText?.text ?? null, chapterIndex, bible: bibleOf(story) },
    };
  }
}
