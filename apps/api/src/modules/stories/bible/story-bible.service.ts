import { Injectable } from '@nestjs/common';
import type { StoryBible, UpdateStoryBibleRequest } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { StoryEntity } from '../entities/story.entity';
import { OwnedStories } from '../owned-stories';
import { StoryErrors } from '../stories.errors';
import { toStoryBible } from '../story.mapper';

/** A story's bible: saved whole, over the version the editor showed or not at all. */
@Injectable()
export class StoryBibleService {
  constructor(
    private readonly owned: OwnedStories,
    private readonly dataSource: DataSource,
  ) {}

  async get(user: AuthUser, storyId: string): Promise<StoryBible> {
    return toStoryBible(await this.owned.find(user, storyId));
  }

  async update(user: AuthUser, storyId: string, request: UpdateStoryBibleRequest): Promise<StoryBible> {
    return this.dataSource.transaction(async (manager) => {
      const story = await this.owned.lock(manager, user, storyId);
      if (story.bibleVersion !== request.baseVersion) throw StoryErrors.bibleChangedMeanwhile(toStoryBible(story));
      const saved = { bibleCharacters: request.characters, bibleSetting: request.setting, bibleStyleNotes: request.styleNotes, bibleVersion: story.bibleVersion + 1 };
      await manager.update(StoryEntity, { id: story.id }, saved);
      return toStoryBible(saved);
    });
  }
}
