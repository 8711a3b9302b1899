import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateStoryRequest, Page, PageQuery, Story, StorySetup, StorySummary, UpdateStoryRequest } from '@storyos/contracts';
import { wordCount } from '@storyos/domain';
import { DataSource, In, type Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { GenerationsService } from '../generation/generations.service';
import { StoryArtifacts } from './artifacts/story-artifacts';
import { StoryArtifactEntity } from './entities/story-artifact.entity';
import { StoryEntity } from './entities/story.entity';
import { StoryJobsService } from './jobs/story-jobs.service';
import { OwnedStories } from './owned-stories';
import { phaseOf, toStorySummary } from './story.mapper';

/** A writer's story projects: create, list, load, edit the setup, duplicate, delete. */
@Injectable()
export class StoriesService {
  constructor(
    @InjectRepository(StoryEntity) private readonly stories: Repository<StoryEntity>,
    private readonly owned: OwnedStories,
    private readonly artifacts: StoryArtifacts,
    private readonly generations: GenerationsService,
    private readonly jobs: StoryJobsService,
    private readonly dataSource: DataSource,
  ) {}

  /** The body was parsed by the contract, so the setup's defaults are filled in. */
  async create(user: AuthUser, request: CreateStoryRequest): Promise<Story> {
    const story = await this.stories.save(this.stories.create({ ownerId: user.id, title: request.title, setup: request.setup as StorySetup }));
    return this.owned.view(user, story.id);
  }

  /** Most recently worked on first. */
  async list(user: AuthUser, query: PageQuery): Promise<Page<StorySummary>> {
    const [rows, total] = await this.stories.findAndCount({
      where: { ownerId: user.id },
      order: { updatedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const current = rows.length ? await this.dataSource.manager.findBy(StoryArtifactEntity, { storyId: In(rows.map((row) => row.id)), isCurrent: true }) : [];
    const items = rows.map((story) => {
      const mine = current.filter((artifact) => artifact.storyId === story.id);
      const of = (kind: StoryArtifactEntity['kind']) => mine.find((artifact) => artifact.kind === kind) ?? null;
      const text = of('story');
      return toStorySummary(story, phaseOf({ premise: of('premise'), outline: of('outline'), story: text }), wordCount(text?.text ?? ''));
    });
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  /** The artifacts stay; the next phase is asked with the new setup. */
  async update(user: AuthUser, id: string, request: UpdateStoryRequest): Promise<Story> {
    await this.dataSource.transaction(async (manager) => {
      const story = await this.owned.lock(manager, user, id);
      const changes: Partial<StoryEntity> = {};
      if (request.title !== undefined) changes.title = request.title;
      if (request.setup !== undefined) changes.setup = request.setup as StorySetup;
      if (Object.keys(changes).length) await manager.update(StoryEntity, { id: story.id }, changes);
    });
    return this.owned.view(user, id);
  }

  /** A new story with the same setup and bible and a copy of each current version. */
  async duplicate(user: AuthUser, id: string): Promise<Story> {
    const copyId = await this.dataSource.transaction(async (manager) => {
      const original = await this.owned.find(user, id, manager);
      const copy = await manager.save(
        manager.create(StoryEntity, {
          ownerId: user.id,
          title: copyTitle(original.title),
          setup: original.setup,
          bibleCharacters: original.bibleCharacters,
          bibleSetting: original.bibleSetting,
          bibleStyleNotes: original.bibleStyleNotes,
        }),
      );
      const current = await this.artifacts.current(manager, original.id);
      for (const artifact of [current.premise, current.outline, current.story]) {
        if (!artifact) continue;
        await manager.insert(StoryArtifactEntity, {
          storyId: copy.id,
          kind: artifact.kind,
          version: 1,
          text: artifact.text,
          outline: artifact.outline,
          source: artifact.source,
          generationId: null,
          isCurrent: true,
        });
      }
      return copy.id;
    });
    return this.owned.view(user, copyId);
  }

  /** Its versions and jobs go with it; whatever is still writing it is stopped. */
  async delete(user: AuthUser, id: string): Promise<void> {
    const story = await this.owned.find(user, id);
    await this.jobs.stopAll(user, story.id);
    await this.stories.delete({ id: story.id, ownerId: user.id });
    await this.jobs.forget(story.id);
    if (story.activeGenerationId) await this.generations.stop(user, story.activeGenerationId).catch(() => undefined);
  }
}

const COPY_SUFFIX = ' (copy)';
function copyTitle(title: string): string {
  return title.length + COPY_SUFFIX.length <= 200 ? `${title}${COPY_SUFFIX}` : title;
}
