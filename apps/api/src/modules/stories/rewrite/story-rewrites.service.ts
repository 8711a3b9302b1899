import { Injectable } from '@nestjs/common';
import type { StartRewriteRequest, StartRewriteResponse } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { GenerationsService } from '../../generation/generations.service';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { OwnedStories } from '../owned-stories';
import { StoryErrors } from '../stories.errors';
import { toStoryArtifact } from '../story.mapper';
import type { RewriteInput } from './rewrite-input';

type ParsedRewriteRequest = Required<StartRewriteRequest>;

/**
 * Alternatives for a selected passage: one generation each, the first
 * counted against the daily quota and the others free (one request, one
 * unit). The selection is read from the version the editor showed; a newer
 * one is a 409, like a stale save.
 */
@Injectable()
export class StoryRewritesService {
  constructor(
    private readonly owned: OwnedStories,
    private readonly artifacts: StoryArtifacts,
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
  ) {}

  async start(user: AuthUser, storyId: string, request: ParsedRewriteRequest): Promise<StartRewriteResponse> {
    const input = await this.dataSource.transaction(async (manager) => {
      const story = await this.owned.lock(manager, user, storyId);
      const current = (await this.artifacts.current(manager, story.id))[request.kind];
      if (!current || current.id !== request.base.id || current.revision !== request.base.revision) throw StoryErrors.editConflict(request.kind, current ? toStoryArtifact(current) : null);
      const text = current.text ?? '';
      if (request.end > text.length) throw StoryErrors.selectionOutOfRange(text.length);
      const passage = text.slice(request.start, request.end);
      if (!passage.trim()) throw StoryErrors.nothingToRewrite();
      return {
        mode: request.mode,
        kind: request.kind,
        artifactId: current.id,
        start: request.start,
        end: request.end,
        passage,
        before: text.slice(Math.max(0, request.start - 2000), request.start),
        after: text.slice(request.end, request.end + 1000),
      } satisfies RewriteInput;
    });
    const generationIds: string[] = [];
    for (let alternative = 0; alternative < request.alternatives; alternative += 1) {
      const { generation } = await this.generations.start(user, { kind: 'story.rewrite', target: { type: 'story', id: storyId }, input: { ...input, alternative } }, undefined, { chargeQuota: alternative === 0 });
      generationIds.push(generation.id);
    }
    return { generationIds, selection: input.passage };
  }
}
