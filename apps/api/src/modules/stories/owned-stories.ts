import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isTerminalStatus, type Story } from '@storyos/contracts';
import { wordCount } from '@storyos/domain';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { GenerationEntity } from '../generation/entities/generation.entity';
import { FlowsService } from '../generation/flows/flows.service';
import { StoryArtifacts } from './artifacts/story-artifacts';
import { StoryEntity } from './entities/story.entity';
import { phaseOf, toStoryArtifact, toStoryBible, toStoryJob, toStorySummary } from './story.mapper';
import { StoryErrors } from './stories.errors';

/** Finds a writer's own stories; anyone else's answers exactly like a missing one. */
@Injectable()
export class OwnedStories {
  constructor(
    @InjectRepository(StoryEntity) private readonly stories: Repository<StoryEntity>,
    private readonly artifacts: StoryArtifacts,
    private readonly flows: FlowsService,
  ) {}

  async find(user: AuthUser, id: string, manager: EntityManager = this.stories.manager): Promise<StoryEntity> {
    const story = await manager.findOneBy(StoryEntity, { id, ownerId: user.id });
    if (!story) throw StoryErrors.storyNotFound();
    return story;
  }

  /** Locks the row for the rest of the transaction, so changes to one story happen one at a time. */
  async lock(manager: EntityManager, user: AuthUser, id: string): Promise<StoryEntity> {
    const story = await manager.findOne(StoryEntity, { where: { id, ownerId: user.id }, lock: { mode: 'pessimistic_write' } });
    if (!story) throw StoryErrors.storyNotFound();
    return story;
  }

  /** Refuses a new phase or job while something is writing this story. */
  async assertIdle(manager: EntityManager, story: StoryEntity): Promise<void> {
    if (story.activeGenerationId) {
      const generation = await manager.findOneBy(GenerationEntity, { id: story.activeGenerationId });
      if (generation && !isTerminalStatus(generation.status)) throw StoryErrors.busy();
    }
    await this.assertNoJob(manager, story.id);
  }

  /** Refuses while a whole-story job is queued or running (a job that lost its worker for good is ended, not waited for). */
  async assertNoJob(manager: EntityManager, storyId: string): Promise<void> {
    if (await this.flows.running(manager, { type: 'story', id: storyId })) throw StoryErrors.jobRunning();
  }

  /** The whole story as the writer sees it: setup, current versions, what runs now, the latest job. */
  async view(user: AuthUser, id: string): Promise<Story> {
    const story = await this.find(user, id);
    const manager = this.stories.manager;
    const current = await this.artifacts.current(manager, story.id);
    const job = await this.flows.latestFor(manager, 'story.whole', { type: 'story', id: story.id });
    const generation = story.activeGenerationId ? await manager.findOneBy(GenerationEntity, { id: story.activeGenerationId }) : null;
    const running = generation && !isTerminalStatus(generation.status) ? generation : null;
    return {
      ...toStorySummary(story, phaseOf(current), wordCount(current.story?.text ?? '')),
      setup: story.setup,
      premise: current.premise ? toStoryArtifact(current.premise) : null,
      outline: current.outline ? toStoryArtifact(current.outline) : null,
      story: current.story ? toStoryArtifact(current.story) : null,
      activeGenerationId: running?.id ?? null,
      activePhase: running ? story.activePhase : null,
      activeChapterIndex: running && story.activePhase === 'chapter' ? story.activeChapterIndex : null,
      bible: toStoryBible(story),
      job: job ? toStoryJob(job.flow, job.activeStepId) : null,
    };
  }
}
