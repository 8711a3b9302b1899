import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { MediaService } from '../../media/media.service';
import { IllustratedErrors } from './illustrated-stories.errors';
import { IllustratedStoriesService } from './illustrated-stories.service';
import { IllustratedSceneEntity } from './illustrated-scene.entity';

/**
 * One MP3 of a scene's narration: its sentence-sized pieces joined. MP3 is a
 * sequence of frames, and every piece comes from the same encoder settings,
 * so the pieces played back to back are one valid stream.
 */
@Injectable()
export class SceneAudio {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stories: IllustratedStoriesService,
    private readonly media: MediaService,
  ) {}

  async of(user: AuthUser, storyId: string, sceneId: string): Promise<{ bytes: Buffer; etag: string }> {
    const story = await this.stories.owned(this.dataSource.manager, user, storyId);
    const scene = await this.dataSource.manager.findOneBy(IllustratedSceneEntity, { id: sceneId, storyId: story.id });
    if (!scene) throw IllustratedErrors.sceneNotFound();
    const step = scene.narrationStatus === 'COMPLETED' && scene.narrationGenerationId ? await this.dataSource.manager.findOneBy(GenerationEntity, { id: scene.narrationGenerationId }) : null;
    const parts = [...(step?.media ?? [])].sort((a, b) => a.index - b.index);
    if (!parts.length) throw IllustratedErrors.noNarration();
    const pieces: Buffer[] = [];
    for (const part of parts) {
      const piece = await this.media.bytesOf(part.mediaId);
      if (!piece) throw IllustratedErrors.noNarration();
      pieces.push(piece.bytes);
    }
    const etag = `"${createHash('sha256').update(parts.map((part) => part.mediaId).join(',')).digest('hex')}"`;
    return { bytes: Buffer.concat(pieces), etag };
  }
}
