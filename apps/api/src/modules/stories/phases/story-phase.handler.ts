import { Injectable } from '@nestjs/common';
import { chapterSpans, replaceChapter, type PromptPlan } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { StoryArtifacts, type NewVersion } from '../artifacts/story-artifacts';
import { StoryResultCache } from '../cache/story-result-cache';
import { StoryEntity } from '../entities/story.entity';
import { cacheValueOf } from './cached-content';
import { phaseInputOf, storedContext } from './phase-context';
import { appendChapter, chapterText, extendedText, outlineFromReply, phasePlan } from './phase-request';

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

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const { input, context } = await storedContext(this.dataSource.manager, generation);
    return phasePlan(input.phase, context);
  }

  async onFinished(generation: GenerationEntity, manager: EntityManager): Promise<void> {
    const story = await manager.findOne(StoryEntity, { where: { id: generation.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!story) return; // deleted meanwhile
    if (story.activeGenerationId === generation.id) await manager.update(StoryEntity, { id: story.id }, { activeGenerationId: null, activePhase: null, activeChapterIndex: null });
    const version = await this.versionOf(generation, manager, story);
    if (version) await this.artifacts.addVersion(manager, story.id, { ...version, source: 'generated', generationId: generation.id });
  }

  /** A completed, well-formed result is cached for the next identical request; nothing needs loading for it. */
  async afterFinished(generation: GenerationEntity): Promise<void> {
    if (generation.status !== 'completed' || !generation.text.trim()) return;
    const { phase, cacheKey } = phaseInputOf(generation);
    if (phase === 'outline') {
      const outline = outlineFromReply(generation.text);
      if (outline) await this.cache.set(cacheKey, cacheValueOf(phase, { outline }));
      return;
    }
    if (phase === 'premise') return this.cache.set(cacheKey, cacheValueOf(phase, { text: generation.text.trim() }));
    // A cut-off chapter is not a finished answer to serve again; nor is going on from one.
    if (phase === 'extend' || phase === 'chapter' || generation.finishReason === 'length') return;
    // The chapter as written: its heading is added when it is served (cachedContent).
    await this.cache.set(cacheKey, cacheValueOf(phase, { text: generation.text.trim() }));
  }

  /** The version a finished generation leaves; the context it was asked with is loaded once, and only for the story text. */
  private async versionOf(generation: GenerationEntity, manager: EntityManager, story: StoryEntity): Promise<Pick<NewVersion, 'kind' | 'content' | 'cutOff'> | null> {
    const reply = generation.text.trim();
    const usable = generation.status === 'completed' || (generation.status === 'stopped' && reply.length > 0);
    if (!usable || !reply) return null;
    const input = phaseInputOf(generation);
    switch (input.phase) {
      case 'premise':
        return { kind: 'premise', content: { text: reply } };
      case 'outline': {
        if (generation.status !== 'completed') return null; // half an outline is not an outline
        const outline = outlineFromReply(reply);
        if (!outline) {
          // The pipeline checked it; a reply that still cannot be read leaves the previous outline in place.
          this.logger.warn({ generationId: generation.id, storyId: generation.targetId }, 'Outline reply could not be read; the previous outline is kept');
          return null;
        }
        return { kind: 'outline', content: { outline } };
      }
      case 'chapter': {
        const { context } = await storedContext(manager, generation, story);
        const index = input.chapterIndex ?? 0;
        const chapter = chapterText(reply, context.outline ?? { chapters: [] }, index);
        // Put in the story as it is now, so hand edits elsewhere in the text are kept.
        const now = (await this.artifacts.current(manager, generation.targetId)).story?.text ?? context.storyText ?? '';
        const text = replaceChapter(now, index, chapter);
        if (text === null) {
          this.logger.warn({ generationId: generation.id, storyId: generation.targetId, chapterIndex: index }, 'The chapter written again is no longer in the story text; nothing is stored');
          return null;
        }
        return { kind: 'story', content: { text }, cutOff: generation.finishReason === 'length' && chapterSpansEnd(text, index) };
      }
      case 'start':
      case 'continue':
      case 'extend': {
        const { context } = await storedContext(manager, generation, story);
        const cutOff = generation.finishReason === 'length';
        if (input.phase === 'start') return { kind: 'story', content: { text: chapterText(reply, context.outline ?? { chapters: [] }, 0) }, cutOff };
        // Joined to the story as it is now, so hand edits made while the text streamed are kept.
        const now = (await this.artifacts.current(manager, generation.targetId)).story;
        const before = now?.text ?? context.storyText;
        if (input.phase === 'extend') return { kind: 'story', content: { text: extendedText(before, generation.text) }, cutOff };
        return { kind: 'story', content: { text: appendChapter(before, chapterText(reply, context.outline ?? { chapters: [] }, input.chapterIndex ?? 0)) }, cutOff };
      }
    }
  }
}

/** A cut-off chapter marks the text cut off only when it is the last one ("continue this passage" writes on at the end). */
function chapterSpansEnd(text: string, index: number): boolean {
  return chapterSpans(text).length === index + 1;
}
