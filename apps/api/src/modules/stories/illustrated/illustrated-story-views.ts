import { Injectable } from '@nestjs/common';
import type { IllustratedStory, IllustratedStoryStatus, IllustratedStorySummary } from '@storyos/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { IllustratedSceneEntity } from './illustrated-scene.entity';
import { IllustratedStoryEntity } from './illustrated-story.entity';
import { toIllustratedStatus, toIllustratedStory, toIllustratedSummary } from './illustrated-story.mapper';

/** Reads stories with their scenes and the media steps that made their pictures and narrations, as clients see them. */
@Injectable()
export class IllustratedStoryViews {
  constructor(private readonly dataSource: DataSource) {}

  async detail(story: IllustratedStoryEntity, manager: EntityManager = this.dataSource.manager): Promise<IllustratedStory> {
    const scenes = await this.scenesOf(manager, [story.id]);
    return toIllustratedStory(story, scenes, await this.mediaSteps(manager, scenes));
  }

  async status(story: IllustratedStoryEntity, manager: EntityManager = this.dataSource.manager): Promise<IllustratedStoryStatus> {
    return toIllustratedStatus(story, await this.scenesOf(manager, [story.id]));
  }

  async summaries(stories: IllustratedStoryEntity[]): Promise<IllustratedStorySummary[]> {
    const manager = this.dataSource.manager;
    const scenes = await this.scenesOf(manager, stories.map((story) => story.id));
    const generations = await this.mediaSteps(manager, scenes);
    return stories.map((story) =>
      toIllustratedSummary(
        story,
        scenes.filter((scene) => scene.storyId === story.id),
        generations,
      ),
    );
  }

  /** The story as it stands now, or null once deleted (for pushes from the worker). */
  async current(storyId: string): Promise<{ story: IllustratedStoryEntity; view: IllustratedStory } | null> {
    const story = await this.dataSource.manager.findOneBy(IllustratedStoryEntity, { id: storyId });
    return story ? { story, view: await this.detail(story) } : null;
  }

  scenesOf(manager: EntityManager, storyIds: string[]): Promise<IllustratedSceneEntity[]> {
    if (!storyIds.length) return Promise.resolve([]);
    return manager.find(IllustratedSceneEntity, { where: { storyId: In(storyIds) }, order: { sequence: 'ASC' } });
  }

  private async mediaSteps(manager: EntityManager, scenes: IllustratedSceneEntity[]): Promise<Map<string, GenerationEntity>> {
    const ids = scenes.flatMap((scene) => [scene.imageGenerationId, scene.narrationGenerationId]).filter((id): id is string => id !== null);
    if (!ids.length) return new Map();
    const rows = await manager.find(GenerationEntity, { where: { id: In(ids) }, select: { id: true, media: true, status: true } });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
