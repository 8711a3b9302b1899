import { Injectable } from '@nestjs/common';
import type { StoryJob, StoryJobResult } from '@storyos/contracts';
import { storyPhaseReadiness } from '@storyos/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { FlowsService } from '../../generation/flows/flows.service';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { OwnedStories } from '../owned-stories';
import { toStoryJob } from '../story.mapper';
import { StoryErrors } from '../stories.errors';
import { wholeStoryState, type WholeStoryState } from './whole-story-state';

const storyTarget = (storyId: string) => ({ type: 'story' as const, id: storyId });

/**
 * "Write the whole story": a flow of generations (see WholeStoryFlow), with
 * the seed's task status and result. It counts once against the daily quota;
 * cancelling it stops the step writing now and keeps what is written.
 */
@Injectable()
export class StoryJobsService {
  constructor(
    private readonly owned: OwnedStories,
    private readonly artifacts: StoryArtifacts,
    private readonly flows: FlowsService,
    private readonly dataSource: DataSource,
  ) {}

  async start(user: AuthUser, storyId: string): Promise<StoryJob> {
    // Checked before the quota is charged, and again under the lock.
    await this.dataSource.transaction((manager) => this.prepare(manager, user, storyId));
    const flow = await this.flows.start(user, { kind: 'story.whole', target: storyTarget(storyId) }, async (manager) => ({ ...(await this.prepare(manager, user, storyId)) }));
    return toStoryJob(flow, null);
  }

  async view(user: AuthUser, storyId: string, jobId: string): Promise<StoryJob> {
    const { flow, activeStepId } = await this.findOwned(user, storyId, jobId);
    return toStoryJob(flow, activeStepId);
  }

  /** What a completed job wrote: the premise, outline and story text it produced or used. */
  async result(user: AuthUser, storyId: string, jobId: string): Promise<StoryJobResult> {
    const { flow } = await this.findOwned(user, storyId, jobId);
    if (flow.status !== 'completed') throw StoryErrors.jobNotFinished(flow.status);
    const state = wholeStoryState(flow);
    const ids = [state.premiseArtifactId, state.outlineArtifactId, state.storyArtifactId].filter((id): id is string => Boolean(id));
    const rows = ids.length ? await this.dataSource.manager.findBy(StoryArtifactEntity, { id: In(ids) }) : [];
    const premise = rows.find((row) => row.id === state.premiseArtifactId);
    const outline = rows.find((row) => row.id === state.outlineArtifactId);
    const story = rows.find((row) => row.id === state.storyArtifactId);
    // The versions are kept with the story; they disappear only with it.
    if (!premise?.text || !outline?.outline || !story?.text) throw StoryErrors.jobNotFound();
    return { jobId: flow.id, storyId: flow.targetId, premise: premise.text, outline: outline.outline, text: story.text };
  }

  /** A queued job ends at once; a running one stops its step, keeping what it has written. */
  async cancel(user: AuthUser, storyId: string, jobId: string): Promise<StoryJob> {
    await this.findOwned(user, storyId, jobId);
    await this.flows.cancel(user, jobId);
    return this.view(user, storyId, jobId);
  }

  /** Stops whatever job is writing this story (the story is being deleted). */
  stopAll(user: AuthUser, storyId: string): Promise<void> {
    return this.flows.cancelAllFor(user, storyTarget(storyId));
  }

  /** The story is gone: its jobs (and their steps) go too. */
  forget(storyId: string): Promise<void> {
    return this.flows.deleteAllFor(storyTarget(storyId));
  }

  /** Locks the story, refuses when busy or not ready, and notes the premise and outline the job will keep. */
  private async prepare(manager: EntityManager, user: AuthUser, storyId: string): Promise<WholeStoryState> {
    const story = await this.owned.lock(manager, user, storyId);
    await this.owned.assertIdle(manager, story);
    const check = storyPhaseReadiness({ setup: story.setup, premise: null, outline: null, storyText: null }).premise;
    if (!check.ready) throw StoryErrors.phaseNotReady(check.message);
    const current = await this.artifacts.current(manager, story.id);
    const outline = current.outline?.outline;
    return {
      ...(current.premise?.text?.trim() ? { premiseArtifactId: current.premise.id } : {}),
      ...(outline?.chapters.length ? { outlineArtifactId: current.outline!.id, chapterCount: outline.chapters.length } : {}),
    };
  }

  private async findOwned(user: AuthUser, storyId: string, jobId: string) {
    const story = await this.owned.find(user, storyId);
    const found = await this.flows.findFor(this.dataSource.manager, jobId, storyTarget(story.id));
    if (!found || found.flow.kind !== 'story.whole') throw StoryErrors.jobNotFound();
    return found;
  }
}
