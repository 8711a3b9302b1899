import type { StoryArtifact, StoryBible, StoryJob, StorySummary } from '@storyos/contracts';
import type { StoryArtifactEntity } from './entities/story-artifact.entity';
import type { GenerationFlowEntity } from '../generation/entities/generation-flow.entity';
import type { StoryEntity } from './entities/story.entity';

export function toStoryArtifact(artifact: StoryArtifactEntity): StoryArtifact {
  return {
    id: artifact.id,
    kind: artifact.kind,
    version: artifact.version,
    revision: artifact.revision,
    text: artifact.kind === 'outline' ? null : artifact.text,
    outline: artifact.kind === 'outline' ? artifact.outline : null,
    source: artifact.source,
    generationId: artifact.generationId,
    cutOff: artifact.cutOff,
    isCurrent: artifact.isCurrent,
    createdAt: artifact.createdAt.toISOString(),
  };
}

/** A whole-story flow as the Writer's job; `activeStepId` is the step writing now. */
export function toStoryJob(job: GenerationFlowEntity, activeStepId: string | null): StoryJob {
  return {
    id: job.id,
    storyId: job.targetId,
    status: job.status,
    progress: job.progress,
    stage: job.stage,
    generationId: activeStepId,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    completedAt: job.completedAt?.toISOString() ?? null,
  };
}

/** The furthest phase with content, for lists and the wizard's first screen. */
export function phaseOf(current: { premise: unknown; outline: unknown; story: unknown }): StorySummary['phase'] {
  if (current.story) return 'writing';
  if (current.outline) return 'outline';
  if (current.premise) return 'premise';
  return 'setup';
}

export function toStorySummary(story: StoryEntity, phase: StorySummary['phase'], words: number): StorySummary {
  return {
    id: story.id,
    title: story.title,
    persona: story.setup.persona,
    phase,
    wordCount: words,
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
  };
}

export function toStoryBible(story: Pick<StoryEntity, 'bibleCharacters' | 'bibleSetting' | 'bibleStyleNotes' | 'bibleVersion'>): StoryBible {
  return { characters: story.bibleCharacters, setting: story.bibleSetting, styleNotes: story.bibleStyleNotes, version: story.bibleVersion };
}
