import { Injectable } from '@nestjs/common';
import type { IllustratedStoryAccepted } from '@storyos/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { FlowsService } from '../../generation/flows/flows.service';
import { IllustratedErrors } from './illustrated-stories.errors';
import { IllustratedStoriesService } from './illustrated-stories.service';
import { IllustratedPublisher } from './illustrated-publisher';
import { assetColumns, IllustratedSceneEntity, SCENE_ASSETS } from './illustrated-scene.entity';
import { IllustratedStoryEntity } from './illustrated-story.entity';
import { illustratedTarget, ILLUSTRATED_FLOW } from './illustrated-story-flow-state';

/**
 * Stop and retry. Stop cancels the flow: the step being made stops, what is
 * made stays. Retry marks a scene's FAILED parts PENDING again: a running
 * flow picks them up at its next plan (both take the story's lock); with no
 * flow running, a new one starts for them (one daily unit, like any job).
 */
@Injectable()
export class IllustratedStoryControl {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flows: FlowsService,
    private readonly stories: IllustratedStoriesService,
    private readonly publisher: IllustratedPublisher,
  ) {}

  async stop(user: AuthUser, id: string): Promise<IllustratedStoryAccepted> {
    const flowId = await this.dataSource.transaction(async (manager) => {
      const story = await this.stories.owned(manager, user, id, true);
      const running = await this.flows.running(manager, illustratedTarget(story.id));
      if (!running) throw IllustratedErrors.nothingToStop();
      await manager.update(IllustratedStoryEntity, { id: story.id }, { stopped: true });
      return running.id;
    });
    await this.flows.cancel(user, flowId);
    const story = await this.stories.owned(this.dataSource.manager, user, id);
    return { storyId: story.id, status: story.status };
  }

  async retry(user: AuthUser, id: string, sceneId: string): Promise<IllustratedStoryAccepted> {
    const joined = await this.dataSource.transaction(async (manager) => {
      const story = await this.stories.owned(manager, user, id, true);
      const running = await this.flows.running(manager, illustratedTarget(story.id));
      // Checked before any allowance is charged; marked here only when a running flow will pick it up.
      await this.markForRetry(manager, story.id, sceneId, running !== null);
      return running !== null;
    });
    if (!joined) {
      await this.flows.start(user, { kind: ILLUSTRATED_FLOW, target: illustratedTarget(id) }, async (manager) => {
        const story = await this.stories.owned(manager, user, id, true);
        // Another retry started a flow meanwhile: two flows must never plan the same story.
        if (await this.flows.running(manager, illustratedTarget(story.id))) throw IllustratedErrors.busy();
        const units = await this.markForRetry(manager, story.id, sceneId, true);
        await manager.update(IllustratedStoryEntity, { id: story.id }, { status: 'PENDING', error: null, stopped: false });
        return { units };
      });
    }
    this.publisher.publish(id);
    const story = await this.stories.owned(this.dataSource.manager, user, id);
    return { storyId: story.id, status: story.status };
  }

  /** The scene's FAILED parts become PENDING (when `write`; else only checked); a failed text takes its picture and narration with it. Returns how many. */
  private async markForRetry(manager: EntityManager, storyId: string, sceneId: string, write: boolean): Promise<number> {
    const scenes = await manager.find(IllustratedSceneEntity, { where: { storyId }, order: { sequence: 'ASC' } });
    const scene = scenes.find((item) => item.id === sceneId);
    if (!scene) throw IllustratedErrors.sceneNotFound();
    const failed = SCENE_ASSETS.filter((asset) => scene[assetColumns(asset).status] === 'FAILED');
    if (!failed.length) throw IllustratedErrors.nothingToRetry();
    if (failed.includes('text')) {
      const blocking = scenes.find((item) => item.sequence < scene.sequence && item.textStatus !== 'COMPLETED');
      if (blocking) throw IllustratedErrors.earlierSceneFirst(blocking.sequence);
    }
    const patch: Record<string, unknown> = {};
    for (const asset of failed) Object.assign(patch, { [assetColumns(asset).status]: 'PENDING', [assetColumns(asset).error]: null });
    if (write) await manager.update(IllustratedSceneEntity, { id: scene.id }, patch);
    return failed.length;
  }
}
