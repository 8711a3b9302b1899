import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler, MediaStepPlan } from '../../generation/handlers/generation-handler';
import { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { StoryEntity } from '../entities/story.entity';
import { chaptersOf, chapterWords } from './chapters';

/** Longest scene text an images API is sent; the builtin illustrator reads far less. */
const MAX_PICTURE_PROMPT = 3_000;

/**
 * story.illustration | story.narration: a picture of a chapter, or the
 * chapter read aloud, from the story version it was asked on. The parts stay
 * on the generation; `story_chapter_media` says which chapter they belong to.
 */
@Injectable()
export class StoryChapterMediaHandler implements GenerationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async buildMedia(generation: GenerationEntity): Promise<MediaStepPlan> {
    const { artifactId, chapterIndex } = generation.input as { artifactId?: string; chapterIndex?: number };
    const artifact = artifactId ? await this.dataSource.manager.findOneBy(StoryArtifactEntity, { id: artifactId }) : null;
    const story = await this.dataSource.manager.findOneBy(StoryEntity, { id: generation.targetId });
    const chapter = chaptersOf(artifact?.text ?? null)[chapterIndex ?? -1];
    if (!story || !chapter) throw new UnrecoverableError(`Generation ${generation.id} lost its chapter`);
    if (generation.kind === 'story.narration') return { type: 'narration', text: chapterWords(chapter) };
    return { type: 'image', request: { prompt: chapterWords(chapter).slice(0, MAX_PICTURE_PROMPT), caption: chapter.title ?? story.title, aspect: 'landscape' } };
  }

  /** Nothing to store beyond the parts the step recorded on itself. */
  async onFinished(): Promise<void> {}
}
