import type { StoryPhase } from '@storyos/contracts';
import { chapterHeadings, storyPhaseReadiness, type StoryBibleText } from '@storyos/domain';
import { UnrecoverableError } from 'bullmq';
import { In, type EntityManager } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { CurrentArtifacts } from '../artifacts/story-artifacts';
import { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { StoryEntity } from '../entities/story.entity';
import { StoryErrors } from '../stories.errors';
import type { PhaseContext } from './phase-request';

/** What a phase generation stores as its input: which versions it is written from, ids and small values only. */
export interface PhaseInput {
  phase: StoryPhase;
  chapterIndex: number | null;
  cacheKey: string;
  premiseArtifactId: string | null;
  outlineArtifactId: string | null;
  storyArtifactId: string | null;
}

/** The current versions as a phase's context; refuses (409) a phase the story is not ready for, and (404) a chapter it does not have. */
export function readyContext(story: StoryEntity, current: CurrentArtifacts, phase: StoryPhase, chapter: number | null = null): PhaseContext {
  const premise = current.premise?.text ?? null;
  const outline = current.outline?.outline ?? null;
  const storyText = current.story?.text ?? null;
  const readiness = storyPhaseReadiness({ setup: story.setup, premise, outline, storyText });
  const check = readiness[phase];
  if (!check.ready) throw StoryErrors.phaseNotReady(check.message);
  if (phase === 'chapter' && (chapter === null || chapter >= chapterHeadings(storyText ?? '').length)) throw StoryErrors.chapterNotFound(chapter ?? 0);
  const chapterIndex = phase === 'start' ? 0 : phase === 'continue' ? readiness.nextChapterIndex : phase === 'chapter' ? chapter : null;
  return { title: story.title, setup: story.setup, premise, outline, storyText, chapterIndex, bible: bibleOf(story) };
}

/** The bible as prompts read it. */
export function bibleOf(story: StoryEntity): StoryBibleText {
  return { characters: story.bibleCharacters, setting: story.bibleSetting, styleNotes: story.bibleStyleNotes };
}

export function phaseInputOf(generation: GenerationEntity): PhaseInput {
  const input = generation.input as Partial<PhaseInput>;
  if (typeof input.phase !== 'string' || typeof input.cacheKey !== 'string') throw new UnrecoverableError(`Generation ${generation.id} has no story phase in its input`);
  return {
    phase: input.phase,
    chapterIndex: typeof input.chapterIndex === 'number' ? input.chapterIndex : null,
    cacheKey: input.cacheKey,
    premiseArtifactId: input.premiseArtifactId ?? null,
    outlineArtifactId: input.outlineArtifactId ?? null,
    storyArtifactId: input.storyArtifactId ?? null,
  };
}

/**
 * The context a generation was asked with: the versions that were current
 * when it was requested. A caller that holds the story row already passes it.
 */
export async function storedContext(manager: EntityManager, generation: GenerationEntity, lockedStory?: StoryEntity): Promise<{ story: StoryEntity; input: PhaseInput; context: PhaseContext }> {
  const input = phaseInputOf(generation);
  const story = lockedStory ?? (await manager.findOneBy(StoryEntity, { id: generation.targetId }));
  if (!story) throw new UnrecoverableError('The story no longer exists.');
  const ids = [input.premiseArtifactId, input.outlineArtifactId, input.storyArtifactId].filter((id): id is string => id !== null);
  const rows = ids.length ? await manager.findBy(StoryArtifactEntity, { id: In(ids), storyId: story.id }) : [];
  const byId = (id: string | null) => (id ? (rows.find((row) => row.id === id) ?? null) : null);
  return {
    story,
    input,
    context: {
      title: story.title,
      setup: story.setup,
      premise: byId(input.premiseArtifactId)?.text ?? null,
      outline: byId(input.outlineArtifactId)?.outline ?? null,
      storyText: byId(input.storyArtifactId)?.text ?? null,
      chapterIndex: input.chapterIndex,
      // The bible as it is when the step runs: a retry or a later step uses the latest notes.
      bible: bibleOf(story),
    },
  };
}
