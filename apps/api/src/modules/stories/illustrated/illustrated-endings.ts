import { Injectable } from '@nestjs/common';
import type { IllustratedStatus } from '@storyos/contracts';
import type Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import type { EntityManager } from 'typeorm';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectRedis } from '../../../core/redis/redis.module';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationQuota } from '../../auth/quota/generation-quota.service';
import type { GenerationFlowEntity } from '../../generation/entities/generation-flow.entity';
import { assetColumns, IllustratedSceneEntity, SCENE_ASSETS, type SceneAsset } from './illustrated-scene.entity';
import { IllustratedStoryEntity } from './illustrated-story.entity';

export const STOPPED_PART = 'Stopped before it was made.';
export const STOPPED_STORY = 'Stopped. What was made is kept; retry a scene to make the rest of it.';
const ASSET_WORDS: Record<SceneAsset, [one: string, many: string]> = { text: ['scene text', 'scene texts'], image: ['picture', 'pictures'], narration: ['narration', 'narrations'] };
/** How long the "already refunded" mark of a failed flow is kept: past the day its unit was counted in. */
const REFUND_MARK_SECONDS = 2 * 24 * 3600;

/**
 * How an illustrated story's flow ends: what was not made is marked FAILED
 * with a reason, and the story reads COMPLETED or FAILED. A flow that failed
 * gives its daily unit back, once.
 */
@Injectable()
export class IllustratedEndings {
  constructor(
    private readonly quota: GenerationQuota,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(IllustratedEndings.name);
  }

  /** Why a story with nothing left to make is not complete, in words for its reader; null when it is complete. */
  failureOf(scenes: readonly IllustratedSceneEntity[]): string | null {
    const failed = SCENE_ASSETS.map((asset) => ({ asset, count: scenes.filter((scene) => scene[assetColumns(asset).status] === 'FAILED').length })).filter(({ count }) => count > 0);
    if (!failed.length) return null;
    const parts = failed.map(({ asset, count }) => `${count} ${ASSET_WORDS[asset][count === 1 ? 0 : 1]}`);
    return `Some of the story could not be made (${parts.join(', ')}). Retry the scenes that failed.`;
  }

  async end(flow: GenerationFlowEntity, manager: EntityManager): Promise<void> {
    const story = await manager.findOne(IllustratedStoryEntity, { where: { id: flow.targetId }, lock: { mode: 'pessimistic_write' } });
    if (!story) return;
    const scenes = await manager.find(IllustratedSceneEntity, { where: { storyId: story.id }, order: { sequence: 'ASC' } });
    const stopped = flow.status === 'cancelled';
    for (const scene of scenes) {
      const patch = this.unmadeParts(scene, scenes, stopped ? STOPPED_PART : (flow.error ?? 'It could not be made.'));
      if (Object.keys(patch).length) await manager.update(IllustratedSceneEntity, { id: scene.id }, patch);
      Object.assign(scene, patch);
    }
    const failure = stopped ? STOPPED_STORY : flow.status === 'completed' ? null : (this.failureOf(scenes) ?? flow.error ?? 'The story could not be made. Please try again.');
    const status: IllustratedStatus = failure ? 'FAILED' : 'COMPLETED';
    await manager.update(IllustratedStoryEntity, { id: story.id }, { status, error: failure, ...(stopped && { stopped: true }) });
    if (flow.status === 'failed') await this.refundOnce(flow);
  }

  /** Parts never made when the flow ends: PENDING ones (and any left PROCESSING by a lost step) become FAILED, with why. */
  private unmadeParts(scene: IllustratedSceneEntity, scenes: readonly IllustratedSceneEntity[], reason: string): Partial<IllustratedSceneEntity> {
    const patch: Record<string, unknown> = {};
    const blocking = scenes.find((other) => other.sequence < scene.sequence && other.textStatus !== 'COMPLETED');
    for (const asset of SCENE_ASSETS) {
      const columns = assetColumns(asset);
      if (scene[columns.status] !== 'PENDING' && scene[columns.status] !== 'PROCESSING') continue;
      patch[columns.status] = 'FAILED';
      patch[columns.error] = this.reasonFor(asset, scene, blocking, reason);
    }
    return patch as Partial<IllustratedSceneEntity>;
  }

  private reasonFor(asset: SceneAsset, scene: IllustratedSceneEntity, blocking: IllustratedSceneEntity | undefined, reason: string): string {
    if (reason === STOPPED_PART) return reason;
    if (asset === 'text' && blocking) return `Not written: scene ${blocking.sequence} has no text yet.`;
    if (asset !== 'text' && scene.textStatus !== 'COMPLETED') return 'Not made: the scene has no text yet.';
    return reason;
  }

  /** In the ending transaction; a mark in Redis makes a second ending of the same flow (a retried transaction) refund nothing. */
  private async refundOnce(flow: GenerationFlowEntity): Promise<void> {
    const first = await this.redis.set(`${this.config.redis.prefix}:illustrated-refund:${flow.id}`, '1', 'EX', REFUND_MARK_SECONDS, 'NX');
    if (first !== 'OK') return;
    // Only the id counts for a refund.
    const owner: AuthUser = { id: flow.ownerId, role: 'user', isGuest: false };
    await this.quota.refund(owner);
    this.logger.info({ flowId: flow.id, userId: flow.ownerId }, 'Illustrated story failed; its daily unit was given back');
  }
}
