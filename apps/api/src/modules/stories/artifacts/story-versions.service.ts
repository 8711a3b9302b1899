import { Injectable } from '@nestjs/common';
import type { ArtifactBase, ArtifactKind, Outline, Story, StoryArtifact } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { OwnedStories } from '../owned-stories';
import { toStoryArtifact } from '../story.mapper';
import { StoryErrors } from '../stories.errors';
import { StoryArtifacts, type ArtifactContent } from './story-artifacts';

/**
 * Autosave sends the whole text every few seconds; within this long of a
 * hand-edited version being made, the next save updates it instead of piling
 * up a version per keystroke.
 */
export const EDIT_COALESCE_MS = 2 * 60_000;

/** Hand edits, version history, and choosing which version is current. */
@Injectable()
export class StoryVersionsService {
  constructor(
    private readonly owned: OwnedStories,
    private readonly artifacts: StoryArtifacts,
    private readonly dataSource: DataSource,
  ) {}

  editText(user: AuthUser, storyId: string, kind: Exclude<ArtifactKind, 'outline'>, text: string, base: ArtifactBase): Promise<StoryArtifact> {
    return this.edit(user, storyId, kind, { text }, base);
  }

  editOutline(user: AuthUser, storyId: string, outline: Outline, base: ArtifactBase): Promise<StoryArtifact> {
    return this.edit(user, storyId, 'outline', { outline: { chapters: outline.chapters } }, base);
  }

  async list(user: AuthUser, storyId: string, kind: ArtifactKind): Promise<StoryArtifact[]> {
    const story = await this.owned.find(user, storyId);
    return (await this.artifacts.list(this.dataSource.manager, story.id, kind)).map(toStoryArtifact);
  }

  /** Any earlier version can come back; the next phase is fed the current one. */
  async makeCurrent(user: AuthUser, storyId: string, versionId: string): Promise<Story> {
    await this.dataSource.transaction(async (manager) => {
      const story = await this.owned.lock(manager, user, storyId);
      const artifact = await manager.findOneBy(StoryArtifactEntity, { id: versionId, storyId: story.id });
      if (!artifact) throw StoryErrors.versionNotFound();
      // A running job writes into the story's current version; swapping it underneath would lose chapters.
      if (artifact.kind === 'story') await this.owned.assertNoJob(manager, story.id);
      await this.artifacts.makeCurrent(manager, artifact);
    });
    return this.owned.view(user, storyId);
  }

  /**
   * Saves a hand edit made on `base`. When the current version is no longer
   * the one the editor showed (a generation, a job, another tab changed it),
   * nothing is written: 409 with the current version, for the user to choose.
   */
  private async edit(user: AuthUser, storyId: string, kind: ArtifactKind, content: ArtifactContent, base: ArtifactBase): Promise<StoryArtifact> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const story = await this.owned.lock(manager, user, storyId);
      await this.owned.assertNoJob(manager, story.id);
      const current = (await this.artifacts.current(manager, story.id))[kind];
      if (!sameBase(current, base)) throw StoryErrors.editConflict(kind, current ? toStoryArtifact(current) : null);
      if (current && current.source === 'edited' && Date.now() - current.createdAt.getTime() < EDIT_COALESCE_MS) {
        return this.artifacts.updateContent(manager, current, content);
      }
      return this.artifacts.addVersion(manager, story.id, { kind, content, source: 'edited' });
    });
    return toStoryArtifact(saved);
  }
}

function sameBase(current: StoryArtifactEntity | null, base: ArtifactBase): boolean {
  if (!current || !base) return current === null && base === null;
  return current.id === base.id && current.revision === base.revision;
}
