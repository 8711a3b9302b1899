import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { JOB_NAMES, QUEUE_NAMES, type StoryJob, type StoryJobResult, type WholeStoryJob } from '@storyos/contracts';
import { storyPhaseReadiness } from '@storyos/domain';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationQuota } from '../../auth/quota/generation-quota.service';
import { StopSignals } from '../../generation/stream/stop-signals';
import { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { StoryJobEntity } from '../entities/story-job.entity';
import { OwnedStories } from '../owned-stories';
import { toStoryJob } from '../story.mapper';
import { StoryJobProgress } from './story-job-progress';
import { StoryErrors } from '../stories.errors';

/**
 * "Write the whole story": one job on the story queue (its id is the job
 * row's id) that the worker runs stage by stage. It counts once against the
 * daily quota. Cancelling works from any API process through the stop flag.
 */
@Injectable()
export class StoryJobsService {
  constructor(
    @InjectRepository(StoryJobEntity) private readonly jobs: Repository<StoryJobEntity>,
    @InjectQueue(QUEUE_NAMES.story) private readonly queue: Queue<WholeStoryJob>,
    private readonly owned: OwnedStories,
    private readonly quota: GenerationQuota,
    private readonly stops: StopSignals,
    private readonly progress: StoryJobProgress,
    private readonly realtime: RealtimePublisher,
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(StoryJobsService.name);
  }

  async start(user: AuthUser, storyId: string): Promise<StoryJob> {
    // Checked before the quota is charged, and again under the lock.
    await this.dataSource.transaction((manager) => this.assertCanStart(manager, user, storyId));
    await this.quota.consume(user);
    let job: StoryJobEntity;
    try {
      job = await this.dataSource.transaction(async (manager) => {
        await this.assertCanStart(manager, user, storyId);
        return manager.save(manager.create(StoryJobEntity, { storyId, ownerId: user.id, status: 'queued', progress: 0, stage: 'queued' }));
      });
    } catch (error) {
      await this.quota.refund(user);
      throw error;
    }
    // Announced before it is enqueued, so the worker's first progress event can never overtake it.
    const view = toStoryJob(job);
    this.realtime.toUser(user.id, 'story:job', view);
    try {
      await this.queue.add(JOB_NAMES.writeWholeStory, { storyJobId: job.id }, { jobId: job.id, attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } });
    } catch (error) {
      this.logger.error({ err: error, storyJobId: job.id, userId: user.id }, 'Could not enqueue the story job');
      await this.progress.update(job.id, { status: 'failed', error: 'The job could not be queued. Please try again.', completedAt: new Date() });
      await this.quota.refund(user);
      throw new AppError('SERVICE_UNAVAILABLE', 'The story job could not be queued. Please try again in a moment.');
    }
    return view;
  }

  async view(user: AuthUser, storyId: string, jobId: string): Promise<StoryJob> {
    return toStoryJob(await this.findOwned(user, storyId, jobId));
  }

  /** What a completed job wrote: the premise, outline and story text it produced or used. */
  async result(user: AuthUser, storyId: string, jobId: string): Promise<StoryJobResult> {
    const job = await this.findOwned(user, storyId, jobId);
    if (job.status !== 'completed') throw StoryErrors.jobNotFinished(job.status);
    const ids = [job.premiseArtifactId, job.outlineArtifactId, job.storyArtifactId].filter((id): id is string => id !== null);
    const rows = ids.length ? await this.dataSource.manager.findBy(StoryArtifactEntity, { id: In(ids) }) : [];
    const premise = rows.find((row) => row.id === job.premiseArtifactId);
    const outline = rows.find((row) => row.id === job.outlineArtifactId);
    const story = rows.find((row) => row.id === job.storyArtifactId);
    // The versions are kept with the story; they disappear only with it.
    if (!premise?.text || !outline?.outline || !story?.text) throw StoryErrors.jobNotFound();
    return { jobId: job.id, storyId: job.storyId, premise: premise.text, outline: outline.outline, text: story.text };
  }

  /**
   * Raises the job's stop flag. A queued job is cancelled here; a running one
   * by its worker between two chunks, keeping what it has written.
   */
  async cancel(user: AuthUser, storyId: string, jobId: string): Promise<StoryJob> {
    const job = await this.findOwned(user, storyId, jobId);
    if (job.status !== 'queued' && job.status !== 'running') return toStoryJob(job);
    await this.stops.request(job.id);
    if (job.status === 'queued') {
      const { affected } = await this.jobs.update({ id: job.id, status: 'queued' }, { status: 'cancelled', completedAt: new Date() });
      if (affected) {
        await this.removeWaiting(job.id);
        const cancelled = await this.findOwned(user, storyId, jobId);
        this.realtime.toUser(user.id, 'story:job', toStoryJob(cancelled));
        return toStoryJob(cancelled);
      }
    }
    return toStoryJob(await this.findOwned(user, storyId, jobId));
  }

  /** Stops whatever job is writing this story (the story is being deleted). */
  async stopAll(storyId: string): Promise<void> {
    const running = await this.jobs.findBy({ storyId, status: In(['queued', 'running']) });
    for (const job of running) await this.stops.request(job.id);
  }

  private async assertCanStart(manager: EntityManager, user: AuthUser, storyId: string): Promise<void> {
    const story = await this.owned.lock(manager, user, storyId);
    await this.owned.assertIdle(manager, story);
    const check = storyPhaseReadiness({ setup: story.setup, premise: null, outline: null, storyText: null }).premise;
    if (!check.ready) throw StoryErrors.phaseNotReady(check.message);
  }

  private async findOwned(user: AuthUser, storyId: string, jobId: string): Promise<StoryJobEntity> {
    const story = await this.owned.find(user, storyId);
    const job = await this.jobs.findOneBy({ id: jobId, storyId: story.id });
    if (!job) throw StoryErrors.jobNotFound();
    return job;
  }

  private async removeWaiting(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    const state = await job?.getState();
    if (job && (state === 'waiting' || state === 'delayed' || state === 'prioritized')) await job.remove().catch(() => undefined);
  }
}
