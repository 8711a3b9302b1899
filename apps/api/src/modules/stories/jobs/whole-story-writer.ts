import { Injectable } from '@nestjs/common';
import type { ArtifactKind, Outline } from '@storyos/contracts';
import { ProviderError, type PromptPlan } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { randomInt } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { PromptRunner } from '../../generation/runner/prompt-runner';
import { StoryArtifacts, type ArtifactContent } from '../artifacts/story-artifacts';
import { StoryArtifactEntity } from '../entities/story-artifact.entity';
import { StoryEntity } from '../entities/story.entity';
import { appendChapter, chapterText, extendedText, outlineFromReply, phasePlan, UNREADABLE_OUTLINE, type PhaseContext } from '../phases/phase-request';
import { StoryJobProgress } from './story-job-progress';

/** Thrown to end the run early; what was written stays. */
class RunEnded extends Error {
  constructor(readonly status: 'cancelled' | 'failed', message: string) {
    super(message);
  }
}

/** Progress at the end of each stage; chapters share what lies between the outline and finishing. */
const PREMISE_DONE = 10;
const OUTLINE_DONE = 20;
const CHAPTERS_DONE = 95;
/** A chapter the output cap cut off is written on this many times at most before the next one starts. */
const EXTENSIONS_PER_CHAPTER = 2;

interface Answer {
  text: string;
  cutOff: boolean;
}

/**
 * Runs one whole-story job: premise → outline → chapter k of n → finishing,
 * streaming from the text provider directly and collecting each answer.
 * Current premise and outline are reused when present; the story text is
 * written afresh as one new version that grows chapter by chapter. Earlier
 * versions are kept, and a cancelled or failed run keeps what it wrote.
 */
@Injectable()
export class WholeStoryWriter {
  constructor(
    private readonly runner: PromptRunner,
    private readonly dataSource: DataSource,
    private readonly artifacts: StoryArtifacts,
    private readonly progress: StoryJobProgress,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(WholeStoryWriter.name);
  }

  async run(jobId: string, signal: AbortSignal): Promise<void> {
    const started = await this.progress.update(jobId, { status: 'running', stage: 'starting', startedAt: new Date() });
    if (!started) return; // cancelled while queued, or already finished
    const seed = randomInt(0, 2 ** 31 - 1);
    try {
      const story = await this.dataSource.manager.findOneBy(StoryEntity, { id: started.storyId });
      if (!story) throw new RunEnded('failed', 'The story no longer exists.');
      const current = await this.artifacts.current(this.dataSource.manager, story.id);
      const context: PhaseContext = { title: story.title, setup: story.setup, premise: current.premise?.text ?? null, outline: current.outline?.outline ?? null, storyText: null, chapterIndex: null };

      // Premise
      let premiseId = current.premise?.id ?? null;
      if (!context.premise?.trim()) {
        await this.stage(jobId, 'premise', 1);
        const premise = (await this.ask(phasePlan('premise', context), seed, signal)).text.trim();
        if (premise) premiseId = (await this.store(story.id, 'premise', { text: premise })).id;
        this.endIfStopped(signal);
        context.premise = premise;
      }
      await this.stage(jobId, 'premise', PREMISE_DONE, { premiseArtifactId: premiseId });

      // Outline
      let outlineId = current.outline?.id ?? null;
      if (!context.outline?.chapters.length) {
        await this.stage(jobId, 'outline', PREMISE_DONE + 1);
        const reply = await this.ask(phasePlan('outline', context), seed + 1, signal);
        this.endIfStopped(signal); // half an outline is not an outline
        const outline = outlineFromReply(reply.text);
        if (!outline) throw new RunEnded('failed', UNREADABLE_OUTLINE);
        outlineId = (await this.store(story.id, 'outline', { outline })).id;
        context.outline = outline;
      }
      await this.stage(jobId, 'outline', OUTLINE_DONE, { outlineArtifactId: outlineId });

      // Chapters, into one new story version
      const outline: Outline = context.outline!;
      const total = outline.chapters.length;
      let storyText = '';
      let version: StoryArtifactEntity | null = null;
      for (let index = 0; index < total; index += 1) {
        await this.stage(jobId, `chapter ${index + 1} of ${total}`, OUTLINE_DONE + Math.floor(((CHAPTERS_DONE - OUTLINE_DONE) * index) / total));
        const reply = await this.ask(phasePlan(index === 0 ? 'start' : 'continue', { ...context, storyText, chapterIndex: index }), seed + 2 + index, signal);
        if (reply.text.trim()) {
          storyText = appendChapter(storyText, chapterText(reply.text, outline, index));
          let cutOff = reply.cutOff;
          for (let extension = 1; cutOff && extension <= EXTENSIONS_PER_CHAPTER && !signal.aborted; extension += 1) {
            const more = await this.ask(phasePlan('extend', { ...context, storyText }), seed + 100 * extension + index, signal);
            storyText = extendedText(storyText, more.text);
            cutOff = more.cutOff;
          }
          version = await this.storeChapter(story.id, version, storyText, cutOff);
          if (index === 0) await this.stage(jobId, `chapter ${index + 1} of ${total}`, OUTLINE_DONE + Math.floor((CHAPTERS_DONE - OUTLINE_DONE) / total), { storyArtifactId: version.id });
        }
        this.endIfStopped(signal);
      }

      await this.stage(jobId, 'finishing', CHAPTERS_DONE, { storyArtifactId: version?.id ?? null });
      if (!version) throw new RunEnded('failed', 'The story engine wrote no story text.');
      await this.progress.update(jobId, { status: 'completed', progress: 100, stage: 'finishing', completedAt: new Date() }, ['running']);
    } catch (error) {
      const ended = this.describe(error, jobId);
      await this.progress.update(jobId, { status: ended.status, error: ended.status === 'failed' ? ended.message : null, completedAt: new Date() }, ['running']);
    }
  }

  private async stage(jobId: string, stage: string, progress: number, extra: Parameters<StoryJobProgress['update']>[1] = {}): Promise<void> {
    // A job that is no longer running (cancelled from the API while queued-then-claimed) ends here.
    if (!(await this.progress.update(jobId, { ...extra, stage, progress }, ['running']))) throw new RunEnded('cancelled', 'The job was cancelled.');
  }

  /** Runs one step through the shared runner (fitted, capped, checked) and collects the final answer. */
  private async ask(plan: PromptPlan, seed: number, signal: AbortSignal): Promise<Answer> {
    this.endIfStopped(signal);
    const run = this.runner.run(plan, { signal, seed });
    for (;;) {
      const next = await run.next();
      if (next.done) return { text: next.value.text, cutOff: next.value.finishReason === 'length' };
      if (signal.aborted) return { text: '', cutOff: false };
    }
  }

  private endIfStopped(signal: AbortSignal): void {
    if (signal.aborted) throw new RunEnded('cancelled', 'The job was cancelled.');
  }

  private async store(storyId: string, kind: ArtifactKind, content: ArtifactContent): Promise<StoryArtifactEntity> {
    return this.withStory(storyId, (manager) => this.artifacts.addVersion(manager, storyId, { kind, content, source: 'generated' }));
  }

  /** The first chapter makes the new version; each further chapter grows it in place. */
  private async storeChapter(storyId: string, version: StoryArtifactEntity | null, text: string, cutOff: boolean): Promise<StoryArtifactEntity> {
    return this.withStory(storyId, (manager) =>
      version ? this.artifacts.updateContent(manager, version, { text }, cutOff) : this.artifacts.addVersion(manager, storyId, { kind: 'story', content: { text }, source: 'generated', cutOff }),
    );
  }

  private async withStory<T>(storyId: string, write: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const story = await manager.findOne(StoryEntity, { where: { id: storyId }, lock: { mode: 'pessimistic_write' } });
      if (!story) throw new RunEnded('failed', 'The story no longer exists.');
      return write(manager);
    });
  }

  private describe(error: unknown, jobId: string): { status: 'cancelled' | 'failed'; message: string } {
    if (error instanceof RunEnded) return { status: error.status, message: error.message };
    if (error instanceof ProviderError) return { status: 'failed', message: error.message };
    this.logger.error({ err: error, storyJobId: jobId }, 'Whole-story job failed unexpectedly');
    return { status: 'failed', message: 'The story engine failed unexpectedly. Please try again.' };
  }
}
