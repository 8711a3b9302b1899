import { Injectable } from '@nestjs/common';
import type { GenerationKind, StartPhaseResponse, StoryPhase } from '@storyos/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ProviderInfoService } from '../../../core/provider-info/provider-info.service';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { StoryResultCache } from '../cache/story-result-cache';
import type { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { StoryEntity } from '../entities/story.entity';
import { OwnedStories } from '../owned-stories';
import { toStoryArtifact } from '../story.mapper';
import { cachedContent } from './cached-content';
import { readyContext, type PhaseInput } from './phase-context';
import { phaseCacheKey, type PhaseContext } from './phase-request';

export const PHASE_KINDS: Record<StoryPhase, GenerationKind> = {
  premise: 'story.premise',
  outline: 'story.outline',
  start: 'story.start',
  continue: 'story.continue',
  extend: 'story.extend',
  chapter: 'story.chapter',
};

export interface PhaseStarted {
  /** 202 while a generation streams, 200 when the cache answered. */
  status: 200 | 202;
  body: StartPhaseResponse;
}

/** What one locked look at the story decided: answered from the cache, or a generation to start from these inputs. */
type Decision = { cached: StoryArtifactEntity } | { input: PhaseInput };

/**
 * Starts a phase: answered from the result cache when the same inputs were
 * written before (a new version, no quota), else a streamed generation whose
 * handler stores the result. The story row is locked while deciding, so one
 * phase at a time holds a story.
 */
@Injectable()
export class StoryPhasesService {
  constructor(
    private readonly owned: OwnedStories,
    private readonly artifacts: StoryArtifacts,
    private readonly cache: StoryResultCache,
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
    private readonly providerInfo: ProviderInfoService,
  ) {}

  async start(user: AuthUser, storyId: string, phase: StoryPhase, regenerate: boolean, chapter: number | null = null): Promise<PhaseStarted> {
    // Going on from a cut-off passage or writing a chapter again is never served from the cache (nor counted as a miss).
    const useCache = !regenerate && phase !== 'extend' && phase !== 'chapter';
    // One locked look: a cache answer or a refusal costs nothing; a miss charges the quota and stores the generation in the same transaction.
    const started = await this.generations.startUnlessAnswered<StoryArtifactEntity>(user, async (manager) => {
      const decision = await this.decide(manager, user, storyId, phase, useCache, chapter);
      if ('cached' in decision) return { answer: decision.cached };
      return {
        spec: { kind: PHASE_KINDS[phase], target: { type: 'story', id: storyId }, input: { ...decision.input } },
        withRows: async (rows, generation) => {
          await rows.update(StoryEntity, { id: storyId }, { activeGenerationId: generation.id, activePhase: phase, activeChapterIndex: phase === 'chapter' ? chapter : null });
        },
      };
    });
    if ('answer' in started) return { status: 200, body: { generationId: null, cached: true, artifact: toStoryArtifact(started.answer) } };
    return { status: 202, body: { generationId: started.generation.id, cached: false, artifact: null } };
  }

  /** A cache hit becomes a new current version with source 'cache'; a miss (counted) leaves the inputs to generate from. */
  private async decide(manager: EntityManager, user: AuthUser, storyId: string, phase: StoryPhase, useCache: boolean, chapter: number | null): Promise<Decision> {
    const { story, context, input } = await this.prepare(manager, user, storyId, phase, chapter);
    if (!useCache) return { input };
    const value = await this.cache.get(input.cacheKey);
    const content = value === null ? null : cachedContent(phase, value, context);
    if (!content) return { input };
    return { cached: await this.artifacts.addVersion(manager, story.id, { ...content, source: 'cache' }) };
  }

  /** Locks the story, refuses when busy or not ready, and says what the phase will be written from. */
  private async prepare(manager: EntityManager, user: AuthUser, storyId: string, phase: StoryPhase, chapter: number | null): Promise<{ story: StoryEntity; context: PhaseContext; input: PhaseInput }> {
    const story = await this.owned.lock(manager, user, storyId);
    await this.owned.assertIdle(manager, story);
    const current = await this.artifacts.current(manager, story.id);
    const context = readyContext(story, current, phase, chapter);
    const input: PhaseInput = {
      phase,
      chapterIndex: context.chapterIndex,
      cacheKey: phaseCacheKey(phase, context, this.providerInfo.current()),
      premiseArtifactId: current.premise?.id ?? null,
      outlineArtifactId: current.outline?.id ?? null,
      storyArtifactId: current.story?.id ?? null,
    };
    return { story, context, input };
  }
}
