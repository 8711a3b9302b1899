import { Injectable } from '@nestjs/common';
import { DEFAULT_SCENE_COUNT, REQUIRED_REQUIREMENT_FIELDS, type CreateIllustratedStoryRequest, type IllustratedStory, type IllustratedStoryAccepted, type IllustratedStoryList, type IllustratedStoryStatus, type StoryRequirements } from '@storyos/contracts';
import { isReadyToCreate, missingRequirementFields, withRequirementDefaults } from '@storyos/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { StoryConversationEntity } from '../../conversation/agent/story-conversation.entity';
import { FlowsService } from '../../generation/flows/flows.service';
import { MediaService } from '../../media/media.service';
import { IllustratedErrors } from './illustrated-stories.errors';
import { directRequirements } from './illustrated-requirements';
import { IllustratedSceneEntity } from './illustrated-scene.entity';
import { IllustratedStoryEntity } from './illustrated-story.entity';
import { IllustratedStoryViews } from './illustrated-story-views';
import { illustratedTarget, ILLUSTRATED_FLOW } from './illustrated-story-flow-state';

/**
 * Illustrated stories: create one (202; a flow makes it), read mine, delete.
 * Stop and retry live in IllustratedStoryControl.
 */
@Injectable()
export class IllustratedStoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flows: FlowsService,
    private readonly views: IllustratedStoryViews,
    private readonly media: MediaService,
  ) {}

  /** Counts once against the daily allowance, whatever the story's size; a story that fails gives it back. */
  async create(user: AuthUser, request: CreateIllustratedStoryRequest): Promise<IllustratedStoryAccepted> {
    const requirements = request.conversationId ? await this.fromConversation(this.dataSource.manager, user, request.conversationId) : directRequirements({ ...request, prompt: request.prompt! });
    const id = randomUUID();
    const sceneCount = requirements.sceneCount ?? DEFAULT_SCENE_COUNT;
    await this.flows.start(user, { kind: ILLUSTRATED_FLOW, target: illustratedTarget(id), state: { units: sceneCount * 3 } }, async (manager) => {
      // Read again inside the transaction: the conversation may have changed since.
      const final = request.conversationId ? await this.fromConversation(manager, user, request.conversationId) : requirements;
      const story = manager.create(IllustratedStoryEntity, { id, ownerId: user.id, conversationId: request.conversationId ?? null, title: final.title ?? 'A story', requirements: final, status: 'PENDING', stopped: false, error: null });
      await manager.save(story);
      const count = final.sceneCount ?? DEFAULT_SCENE_COUNT;
      await manager.insert(
        IllustratedSceneEntity,
        Array.from({ length: count }, (_, index) => ({ storyId: id, sequence: index + 1, text: '', textStatus: 'PENDING' as const, imageStatus: 'PENDING' as const, narrationStatus: 'PENDING' as const })),
      );
      return { units: count * 3 };
    });
    return { storyId: id, status: 'PENDING' };
  }

  async list(user: AuthUser, limit: number): Promise<IllustratedStoryList> {
    const stories = await this.dataSource.manager.find(IllustratedStoryEntity, { where: { ownerId: user.id }, order: { createdAt: 'DESC' }, take: limit });
    return { items: await this.views.summaries(stories) };
  }

  async detail(user: AuthUser, id: string): Promise<IllustratedStory> {
    return this.views.detail(await this.owned(this.dataSource.manager, user, id));
  }

  async status(user: AuthUser, id: string): Promise<IllustratedStoryStatus> {
    return this.views.status(await this.owned(this.dataSource.manager, user, id));
  }

  /** Stops whatever is being made, then removes the story, its scenes, its flows and the media made for it. */
  async delete(user: AuthUser, id: string): Promise<void> {
    const story = await this.owned(this.dataSource.manager, user, id);
    const detail = await this.views.detail(story);
    await this.flows.cancelAllFor(user, illustratedTarget(id));
    await this.dataSource.manager.delete(IllustratedStoryEntity, { id, ownerId: user.id });
    await this.flows.deleteAllFor(illustratedTarget(id));
    const mediaIds = detail.scenes.flatMap((scene) => [...scene.image.parts, ...scene.narration.parts].map((part) => part.mediaId));
    for (const mediaId of mediaIds) await this.media.delete(user, mediaId).catch(() => undefined);
  }

  async owned(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<IllustratedStoryEntity> {
    const story = await manager.findOne(IllustratedStoryEntity, { where: { id, ownerId: user.id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!story) throw IllustratedErrors.storyNotFound();
    return story;
  }

  private async fromConversation(manager: EntityManager, user: AuthUser, conversationId: string): Promise<StoryRequirements> {
    const conversation = await manager.findOneBy(StoryConversationEntity, { id: conversationId, ownerId: user.id });
    if (!conversation) throw IllustratedErrors.conversationNotFound();
    if (!isReadyToCreate(conversation.requirements)) throw IllustratedErrors.notReady(missingRequirementFields(conversation.requirements).filter((field) => (REQUIRED_REQUIREMENT_FIELDS as readonly string[]).includes(field)));
    return withRequirementDefaults(conversation.requirements);
  }
}
