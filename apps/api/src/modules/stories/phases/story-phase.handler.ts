import { Injectable } from '@nestjs/common';
import type { GenerationRequest } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { StoryArtifacts, type NewVersion } from '../artifacts/story-artifacts';
import { StoryResultCache } from '../cache/story-result-cache';
import { StoryEntity } from '../entities/story.entity';
import { cacheValueOf } from './cached-content';
import { phaseInputOf, storedContext } from './phase-context';
import { appendChapter, chapterText, outlineFromReply, phaseRequest } from './phase-request';

/**
 * story.premise | story.outline | story.start | story.continue: asks from the
 * versions current when the phase was requested, and stores the result as a
 * new current version. A stopped premise or chapter keeps its partial text
 * as a version; a failed one stores nothing.
 */
@Injectable()
export class StoryPhaseHandler implements GenerationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly artifacts: StoryArtifacts,
    private readonly cache: StoryResultCache,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(StoryPhaseHandler.name);
  }

  async buildRequest(generation: GenerationEntity): Promise<GenerationRequest> {
    const { input, context } = await storedContext(this.dataSource.manager, generation);
    return phaseRequest(input.phase, context);
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const story = await manager.findOne(StoryEntity, { where: { id: generation.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!story) return; // deleted meanwhile
    if (story.activeGenerationId === generation.id) await manager.update(StoryEntity, { id: story.id }, { activeGenerationId: null, activePhase: null });
    const version = await this.versionOf(generation, manager);
    if (version) await this.artifacts.addVersion(manager, story.id, { ...version, source: 'generated', generationId: generation.id });
  }

  /** A completed, well-formed result is cached for the next identical request. */
  async afterFinished(generation: GenerationEntity): Promise<void> {
    if (generation.status !== 'completed' || !generation.text.trim()) return;
    const { phase, cacheKey, chapterIndex } = phaseInputOf(generation);
    if (phase === 'outline') {
      const { outline, parsed } = outlineFromReply(generation.text);
      if (parsed) await this.cache.set(cacheKey, cacheValueOf(phase, { outline }));
      return;
    }
    if (phase === 'premise') return this.cache.set(cacheKey, cacheValueOf(phase, { text: generation.text.trim() }));
    const { context } = await storedContext(this.dataSource.manager, generation);
    await this.cache.set(cacheKey, cacheValueOf(phase, { text: chapterText(generation.text, context.outline ?? { chapters: [] }, chapterIndex ?? 0) }));
  }

  private async versionOf(generation: GenerationEntity, manager: EntityManager): Promise<Pick<NewVersion, 'kind' | 'content'> | null> {
    const reply = generation.text.trim();
    const usable = generation.status === 'completed' || (generation.status === 'stopped' && reply.length > 0);
    if (!usable || !reply) return null;
    const { input, context } = await storedContext(manager, generation);
    switch (input.phase) {
      case 'premise':
        return { kind: 'premise', content: { text: reply } };
      case 'outline': {
        if (generation.status !== 'completed') return null; // half an outline is not an outline
        const { outline, parsed } = outlineFromReply(reply);
        if (!parsed) this.logger.warn({ generationId: generation.id, storyId: generation.targetId }, 'Outline reply could not be parsed; stored as one chapter');
        return { kind: 'outline', content: { outline } };
      }
      case 'start':
      case 'continue': {
        const chapter = chapterText(reply, context.outline ?? { chapters: [] }, input.chapterIndex ?? 0);
        if (input.phase === 'start') return { kind: 'story', content: { text: chapter } };
        // Appended to the story as it is now, so hand edits made while the chapter streamed are kept.
        const now = (await this.artifacts.current(manager, generation.targetId)).story;
        return { kind: 'story', content: { text: appendChapter(now?.text ?? context.storyText, chapter) } };
      }
    }
  }
}
