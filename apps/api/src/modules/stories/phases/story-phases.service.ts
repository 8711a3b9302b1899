import { Inject, Injectable } from '@nestjs/common';
import type { GenerationKind, StartPhaseResponse, StoryPhase } from '@storyos/contracts';
import type { TextProvider } from '@storyos/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { TEXT_PROVIDER } from '../../generation/text-provider.token';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { StoryResultCache } from '../cache/story-result-cache';
import { StoryEntity } from '../entities/story.entity';
import { OwnedStories } from '../owned-stories';
import { toStoryArtifact } from '../story.mapper';
import { StoryErrors } from '../stories.errors';
import { cachedContent } from './cached-content';
import { readyContext, type PhaseInput } from './phase-context';
import { phaseCacheKey } from './phase-request';

export const PHASE_KINDS: Record<StoryPhase, GenerationKind> = {
  premise: 'story.premise',
  outline: 'story.outline',
  start: 'story.start',
  continue: 'story.continue',
  extend: 'story.extend',
};

export interface PhaseStarted {
  /** 202 while a generation streams, 200 when the cache answered. */
  status: 200 | 202;
  body: StartPhaseResponse;
}

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
    @Inject(TEXT_PROVIDER) private readonly provider: TextProvider,
  ) {}

  async start(user: AuthUser, storyId: string, phase: StoryPhase, regenerate: boolean): Promise<PhaseStarted> {
    // Going on from a cut-off passage is never served from the cache (nor counted as a miss).
    if (!regenerate && phase !== 'extend') {
      const cached = await this.fromCache(user, storyId, phase);
      if (cached) return cached;
    }
    // Checked before the quota is charged, and again under the lock.
    const input = await this.dataSource.transaction(async (manager) => this.prepare(manager, user, storyId, phase));
    const { generation } = await this.generations.start(user, { kind: PHASE_KINDS[phase], target: { type: 'story', id: storyId }, input: { ...input } }, async (manager, generation) => {
      const again = await this.prepare(manager, user, storyId, phase);
      // An edit landed between the two looks: the generation would not match what it was keyed on.
      if (again.cacheKey !== input.cacheKey) throw StoryErrors.changedMeanwhile();
      await manager.update(StoryEntity, { id: storyId }, { activeGenerationId: generation.id, activePhase: phase });
    });
    return { status: 202, body: { generationId: generation.id, cached: false, artifact: null } };
  }

  /** Locks the story, refuses when busy or not ready, and says what the phase will be written from. */
  private async prepare(manager: EntityManager, user: AuthUser, storyId: string, phase: StoryPhase): Promise<PhaseInput> {
    const story = await this.owned.lock(manager, user, storyId);
    await this.owned.assertIdle(manager, story);
    const current = await this.artifacts.current(manager, story.id);
    const context = readyContext(story, current, phase);
    return {
      phase,
      chapterIndex: context.chapterIndex,
      cacheKey: phaseCacheKey(phase, context, this.provider),
      premiseArtifactId: current.premise?.id ?? null,
      outlineArtifactId: current.outline?.id ?? null,
      storyArtifactId: current.story?.id ?? null,
    };
  }

  /** A hit becomes a new current version with source 'cache'; a miss returns null (and is counted). */
  private async fromCache(user: AuthUser, storyId: string, phase: StoryPhase): Promise<PhaseStarted | null> {
    const artifact = await this.dataSource.transaction(async (manager) => {
      const story = await this.owned.lock(manager, user, storyId);
      await this.owned.assertIdle(manager, story);
      const current = await this.artifacts.current(manager, story.id);
      const context = readyContext(story, current, phase);
      const value = await this.cache.get(phaseCacheKey(phase, context, this.provider));
      const content = value === null ? null : cachedContent(phase, value, context);
      if (!content) return null;
      return this.artifacts.addVersion(manager, story.id, { kind: content.kind, content: content.content, source: 'cache' });
    });
    return artifact ? { status: 200, body: { generationId: null, cached: true, artifact: toStoryArtifact(artifact) } } : null;
  }
}
