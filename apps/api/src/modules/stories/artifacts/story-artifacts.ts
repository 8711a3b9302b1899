import { Injectable } from '@nestjs/common';
import type { ArtifactKind, Outline } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import { StoryArtifactEntity, type ArtifactSource } from '../entities/story-artifact.entity';
import { StoryEntity } from '../entities/story.entity';

export interface CurrentArtifacts {
  premise: StoryArtifactEntity | null;
  outline: StoryArtifactEntity | null;
  story: StoryArtifactEntity | null;
}

export type ArtifactContent = { text: string; outline?: never } | { outline: Outline; text?: never };

export interface NewVersion {
  kind: ArtifactKind;
  content: ArtifactContent;
  source: ArtifactSource;
  generationId?: string | null;
  /** The text ends where the output cap cut a generated passage off. */
  cutOff?: boolean;
}

/**
 * Versions of a story's premise, outline and text. Writers hold the story row
 * locked, so version numbers and the one current version per kind stay right.
 */
@Injectable()
export class StoryArtifacts {
  async current(manager: EntityManager, storyId: string): Promise<CurrentArtifacts> {
    const rows = await manager.findBy(StoryArtifactEntity, { storyId, isCurrent: true });
    const of = (kind: ArtifactKind): StoryArtifactEntity | null => rows.find((row) => row.kind === kind) ?? null;
    return { premise: of('premise'), outline: of('outline'), story: of('story') };
  }

  /** Stores a new version and makes it the current one. */
  async addVersion(manager: EntityManager, storyId: string, version: NewVersion): Promise<StoryArtifactEntity> {
    const { max } = (await manager
      .createQueryBuilder(StoryArtifactEntity, 'a')
      .select('COALESCE(MAX(a.version), 0)', 'max')
      .where('a.story_id = :storyId AND a.kind = :kind', { storyId, kind: version.kind })
      .getRawOne<{ max: number }>()) ?? { max: 0 };
    await manager.update(StoryArtifactEntity, { storyId, kind: version.kind, isCurrent: true }, { isCurrent: false });
    const row = await manager.save(
      manager.create(StoryArtifactEntity, {
        storyId,
        kind: version.kind,
        version: Number(max) + 1,
        text: version.content.text ?? null,
        outline: version.content.outline ?? null,
        source: version.source,
        generationId: version.generationId ?? null,
        cutOff: version.cutOff ?? false,
        isCurrent: true,
      }),
    );
    await this.touch(manager, storyId);
    return row;
  }

  /** Replaces a version's content in place (autosave, or a job adding chapters to its own version). */
  async updateContent(manager: EntityManager, artifact: StoryArtifactEntity, content: ArtifactContent, cutOff = false): Promise<StoryArtifactEntity> {
    artifact.text = content.text ?? null;
    artifact.outline = content.outline ?? null;
    artifact.revision += 1;
    artifact.cutOff = cutOff;
    const saved = await manager.save(artifact);
    await this.touch(manager, artifact.storyId);
    return saved;
  }

  async makeCurrent(manager: EntityManager, artifact: StoryArtifactEntity): Promise<void> {
    if (artifact.isCurrent) return;
    await manager.update(StoryArtifactEntity, { storyId: artifact.storyId, kind: artifact.kind, isCurrent: true }, { isCurrent: false });
    await manager.update(StoryArtifactEntity, { id: artifact.id }, { isCurrent: true });
    artifact.isCurrent = true;
    await this.touch(manager, artifact.storyId);
  }

  async list(manager: EntityManager, storyId: string, kind: ArtifactKind): Promise<StoryArtifactEntity[]> {
    return manager.find(StoryArtifactEntity, { where: { storyId, kind }, order: { version: 'DESC' } });
  }

  /** Lists show the most recently worked-on story first. */
  async touch(manager: EntityManager, storyId: string): Promise<void> {
    await manager.createQueryBuilder().update(StoryEntity).set({ updatedAt: () => 'clock_timestamp()' }).where('id = :storyId', { storyId }).execute();
  }
}
