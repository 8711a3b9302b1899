import { Injectable } from '@nestjs/common';
import type { StoryPhase } from '@storyos/contracts';
import type { EntityManager } from 'typeorm';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationFlowEntity } from '../../generation/entities/generation-flow.entity';
import type { FlowDefinition, FlowPlan } from '../../generation/flows/flow-definition';
import { StoryEntity } from '../entities/story.entity';
import { UNREADABLE_OUTLINE } from '../phases/phase-request';
import { toStoryJob } from '../story.mapper';
import { CHAPTERS_DONE, EXTENSIONS_PER_CHAPTER, OUTLINE_DONE, PREMISE_DONE, wholeStoryState } from './whole-story-state';

/**
 * "Write the whole story" as a flow: premise (unless the story has one) →
 * outline (unless it has one) → each chapter of the outline, a chapter cut
 * off by the output cap written on up to twice. Every step is a generation
 * the wizard can follow live; the story is busy with it while it runs.
 */
@Injectable()
export class WholeStoryFlow implements FlowDefinition {
  constructor(private readonly realtime: RealtimePublisher) {}

  async next(flow: GenerationFlowEntity, steps: GenerationEntity[]): Promise<FlowPlan> {
    const state = wholeStoryState(flow);
    const last = steps.at(-1);
    if (last?.status === 'failed') return { type: 'fail', message: last.error ?? 'The story engine could not write this part. Please try again.' };
    if (last?.status === 'stopped') return { type: 'cancel' };

    if (!state.premiseArtifactId) {
      if (steps.some((step) => step.kind === 'story.whole.premise')) return { type: 'fail', message: 'The story engine wrote no premise. Please try again.' };
      return step('story.whole.premise', {}, 'premise');
    }
    if (!state.outlineArtifactId || !state.chapterCount) {
      if (steps.some((step) => step.kind === 'story.whole.outline')) return { type: 'fail', message: UNREADABLE_OUTLINE };
      return step('story.whole.outline', {}, 'outline');
    }
    const total = state.chapterCount;
    const chapters = steps.filter((step) => step.kind === 'story.whole.chapter').length;
    const extensions = steps.length - 1 - steps.map((step) => step.kind).lastIndexOf('story.whole.chapter');
    if (last && last.kind !== 'story.whole.premise' && last.kind !== 'story.whole.outline' && last.finishReason === 'length' && extensions < EXTENSIONS_PER_CHAPTER) {
      return step('story.whole.extend', { chapterIndex: chapters - 1 }, `chapter ${chapters} of ${total}`);
    }
    if (chapters < total) return step('story.whole.chapter', { chapterIndex: chapters }, `chapter ${chapters + 1} of ${total}`);
    if (!state.storyArtifactId) return { type: 'fail', message: 'The story engine wrote no story text. Please try again.' };
    return { type: 'done', stage: 'finishing' };
  }

  progress(flow: GenerationFlowEntity, steps: GenerationEntity[]): number {
    const state = wholeStoryState(flow);
    if (!state.premiseArtifactId) return 0;
    if (!state.outlineArtifactId || !state.chapterCount) return PREMISE_DONE;
    const chapters = steps.filter((step) => step.kind === 'story.whole.chapter' && step.status === 'completed').length;
    return OUTLINE_DONE + ((CHAPTERS_DONE - OUTLINE_DONE) * chapters) / state.chapterCount;
  }

  /** The story is busy with the step, and the wizard shows it live on the step's page. */
  async onStepsCreated(_flow: GenerationFlowEntity, steps: GenerationEntity[], manager: EntityManager): Promise<void> {
    const [running] = steps;
    if (!running) return;
    await manager.update(StoryEntity, { id: running.targetId }, { activeGenerationId: running.id, activePhase: phaseShownFor(running) });
  }

  publish(flow: GenerationFlowEntity, activeStepId: string | null): void {
    this.realtime.toUser(flow.ownerId, 'story:job', toStoryJob(flow, activeStepId));
  }
}

function step(kind: GenerationEntity['kind'], input: Record<string, unknown>, stage: string): FlowPlan {
  return { type: 'steps', steps: [{ kind, input }], stage };
}

/** The wizard step that shows a flow step's live text. */
function phaseShownFor(step: GenerationEntity): StoryPhase {
  if (step.kind === 'story.whole.premise') return 'premise';
  if (step.kind === 'story.whole.outline') return 'outline';
  if (step.kind === 'story.whole.extend') return 'extend';
  return (step.input as { chapterIndex?: number }).chapterIndex === 0 ? 'start' : 'continue';
}
