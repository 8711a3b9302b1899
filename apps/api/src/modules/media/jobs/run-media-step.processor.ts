import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import { GenerationJobSchema, QUEUE_NAMES, type MediaAttachment, type MediaPart, type StreamEntry } from '@storyos/contracts';
import { ProviderError, splitForSpeech, type ImageProvider, type SpeechProvider } from '@storyos/domain';
import { UnrecoverableError, type Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { Repository } from 'typeorm';
import { AccountsService } from '../../auth/accounts/accounts.service';
import type { UserEntity } from '../../auth/entities/user.entity';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationFinalizer } from '../../generation/generation-finalizer.service';
import { GenerationHandlers } from '../../generation/handlers/generation-handlers';
import type { MediaStepPlan } from '../../generation/handlers/generation-handler';
import { GenerationStreamStore } from '../../generation/stream/generation-stream.store';
import { StopSignals } from '../../generation/stream/stop-signals';
import { MediaService } from '../media.service';
import { InjectImageProvider, InjectSpeechProvider } from '../providers/media-provider.tokens';
import { claimStep } from '../../generation/jobs/claim-step';

/**
 * Runs a picture or narration step (a generation whose kind is of step type
 * image or narration). Each part — the picture, or one sentence-sized piece
 * of speech — is stored as media and recorded on the generation as soon as
 * it is made, then sent on the stream as a `media` entry, so a listener can
 * play the first sentence while the next is being spoken. A retried attempt
 * resets the stream, sends the parts already made again, and goes on from
 * the next one: nothing is made twice.
 */
@Processor(QUEUE_NAMES.media) // worker options: tunedProcessors() in the worker module
export class RunMediaStepProcessor extends WorkerHost {
  constructor(
    @InjectRepository(GenerationEntity) private readonly generations: Repository<GenerationEntity>,
    private readonly accounts: AccountsService,
    @InjectImageProvider() private readonly images: ImageProvider,
    @InjectSpeechProvider() private readonly speech: SpeechProvider,
    private readonly media: MediaService,
    private readonly handlers: GenerationHandlers,
    private readonly streams: GenerationStreamStore,
    private readonly stops: StopSignals,
    private readonly finalizer: GenerationFinalizer,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(RunMediaStepProcessor.name);
  }

  async process(job: Job): Promise<void> {
    const data = GenerationJobSchema.parse(job.data);
    const { generationId } = data;
    const attempt = job.attemptsMade + 1;
    const generation = await claimStep(this.generations, data, attempt);
    if (!generation) return;

    let seq = await this.streams.lastSeq(generationId);
    type Unsequenced = StreamEntry extends infer E ? (E extends StreamEntry ? Omit<E, 'seq'> : never) : never;
    const emit = async (entry: Unsequenced): Promise<void> => {
      seq += 1;
      const full = { ...entry, seq } as StreamEntry;
      await this.streams.appendAndSend(generation.ownerId, generationId, full);
    };
    const parts = [...generation.media];
    if (seq > 0) {
      await emit({ type: 'reset', attempt, reason: 'The step is going on after an interruption.' });
      for (const part of parts) await emit({ type: 'media', part });
    }

    const abort = await this.stops.watch(generationId);
    let spoken = '';
    try {
      const handler = this.handlers.get(generation.kind);
      if (!handler.buildMedia) throw new UnrecoverableError(`Generation kind ${generation.kind} makes no media`);
      const plan = await handler.buildMedia(generation);
      const owner = await this.accounts.findById(generation.ownerId);
      const make = plan.type === 'image' ? this.picture(plan, generation, owner, parts.length, abort.signal) : this.narration(plan, generation, owner, parts.length, abort.signal);
      for await (const part of make) {
        await this.generations.createQueryBuilder().update().set({ media: () => `media || :part::jsonb` }).setParameter('part', JSON.stringify([part])).where('id = :id', { id: generationId }).execute();
        parts.push(part);
        await emit({ type: 'media', part });
      }
      spoken = plan.type === 'image' ? (parts[0]?.text ?? '') : plan.text;
      const stopped = abort.signal.aborted;
      await this.finalizer.finish(generationId, outcome(stopped ? 'stopped' : 'completed', spoken, null, seq));
    } catch (error) {
      if (abort.signal.aborted) {
        await this.finalizer.finish(generationId, outcome('stopped', spoken, null, seq));
        return;
      }
      const retryable = error instanceof ProviderError ? error.retryable : !(error instanceof UnrecoverableError);
      const attemptsLeft = (job.opts.attempts ?? 1) - attempt;
      this.logger.warn({ err: error, generationId, userId: generation.ownerId, kind: generation.kind, attempt, attemptsLeft, retryable }, 'Media step attempt failed');
      if (retryable && attemptsLeft > 0) throw error;
      const reason = error instanceof ProviderError ? error.message : 'The picture or narration could not be made.';
      await this.finalizer.finish(generationId, outcome('failed', spoken, reason, seq));
    } finally {
      this.stops.release(generationId);
    }
  }

  /** One picture, unless a previous attempt already made it. */
  private async *picture(plan: Extract<MediaStepPlan, { type: 'image' }>, generation: GenerationEntity, owner: UserEntity, made: number, signal: AbortSignal): AsyncGenerator<MediaPart> {
    if (made > 0) return;
    const image = await this.images.render({ seed: generation.seed, ...plan.request }, signal);
    const asset = await this.media.store(owner, {
      bytes: image.bytes,
      meta: {
        kind: 'image',
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        provider: image.provider,
        model: image.model,
        costCents: image.costCents,
        details: image.revisedPrompt ? { revisedPrompt: image.revisedPrompt } : {},
        attachedTo: attachmentOf(generation),
      },
    });
    yield { index: 0, mediaId: asset.id, kind: 'image', contentType: image.contentType, durationMs: null, width: image.width, height: image.height, text: plan.request.caption ?? '' };
  }

  /** The text spoken piece by piece (whole sentences), from the first piece not made yet; a stop ends it between pieces. */
  private async *narration(plan: Extract<MediaStepPlan, { type: 'narration' }>, generation: GenerationEntity, owner: UserEntity, made: number, signal: AbortSignal): AsyncGenerator<MediaPart> {
    const pieces = splitForSpeech(plan.text);
    if (!pieces.length) throw new ProviderError('There is no text to read aloud.', false);
    for (const [index, text] of pieces.entries()) {
      if (index < made) continue;
      if (signal.aborted) return;
      const speech = await this.speech.synthesize({ text, speaker: plan.speaker, ...(plan.voice && { voice: plan.voice }) }, signal);
      const asset = await this.media.store(owner, {
        bytes: speech.bytes,
        meta: {
          kind: 'narration',
          contentType: speech.contentType,
          durationMs: speech.durationMs,
          provider: speech.provider,
          model: speech.model,
          costCents: speech.costCents,
          details: { voice: speech.voice },
          attachedTo: attachmentOf(generation),
        },
      });
      yield { index, mediaId: asset.id, kind: 'narration', contentType: speech.contentType, durationMs: speech.durationMs, width: null, height: null, text };
    }
  }
}

/** What the media belongs to: the story, game or chat the step was made for (a recording is nothing media is made for). */
function attachmentOf(generation: GenerationEntity): MediaAttachment | null {
  return generation.targetType === 'recording' ? null : { type: generation.targetType, id: generation.targetId };
}

function outcome(status: 'completed' | 'stopped' | 'failed', text: string, error: string | null, lastSeq: number) {
  return { status, text, finishReason: status === 'completed' ? 'stop' : status === 'stopped' ? 'stopped' : null, error, promptTokens: null, completionTokens: null, estimatedPromptTokens: null, limitHit: null, firstChunkAt: null, lastSeq };
}
