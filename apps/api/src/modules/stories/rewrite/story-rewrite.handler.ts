import { Injectable } from '@nestjs/common';
import { buildRewriteBrief, REWRITE_OUTPUT_TOKENS, rewritePromptParts, type PromptPlan } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler } from '../../generation/handlers/generation-handler';
import { StoryEntity } from '../entities/story.entity';
import { bibleOf } from '../phases/phase-context';
import { rewriteInputOf } from './rewrite-input';

/**
 * story.rewrite: one alternative for a selected passage. The alternative is
 * the generation's own text; nothing is stored in the story until the user
 * picks one and saves it like any edit (with its base version).
 */
@Injectable()
export class StoryRewriteHandler implements GenerationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async buildPrompt(generation: GenerationEntity): Promise<PromptPlan> {
    const input = rewriteInputOf(generation);
    const story = await this.dataSource.manager.findOneBy(StoryEntity, { id: generation.targetId });
    if (!story) throw new UnrecoverableError('The story no longer exists.');
    const request = { setup: story.setup, title: story.title, bible: bibleOf(story), mode: input.mode, passage: input.passage, before: input.before, after: input.after };
    return { parts: rewritePromptParts(request), brief: buildRewriteBrief(request), outputTokens: REWRITE_OUTPUT_TOKENS };
  }

  /** The alternative stays on the generation, where the writer reads it. */
  async onFinished(): Promise<void> {
    return;
  }
}
