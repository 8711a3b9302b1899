import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { GenerationJobSchema, QUEUE_NAMES, type GenerationJob, type StreamEntry } from '@storyos/contracts';
import { ProviderError, type TextProvider } from '@storyos/domain';
import { UnrecoverableError, type Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { afterThisTurn } from '../../../core/async/after-this-turn';
import type { Repository } from 'typeorm';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectConfig } from '../../../core/config/config.module';
import { GenerationEntity } from '../entities/generation.entity';
import { GenerationFinalizer } from '../generation-finalizer.service';
import type { GenerationHandler } from '../handlers/generation-handler';
import { GenerationHandlers } from '../handlers/generation-handlers';
import { PromptRunner, type RunOutcome } from '../runner/prompt-runner';
import { TEXT_PROVIDER } from '../text-provider.token';
import { writerOf } from '../providers/model-routing.provider';
import { ChunkCoalescer } from '../stream/chunk-coalescer';
import { GenerationStreamStore } from '../stream/generation-stream.store';
import { StopSignals } from '../stream/stop-signals';
import { claimStep, claimStepWithReads } from './claim-step';
import { WritesMeanwhile } from './writes-meanwhile';

/**
 * Streams one generation: provider deltas are coalesced, appended to the
 * generation's Redis stream with sequence numbers and pushed to the owner's
 * room. Each retry starts with a `reset` entry so clients clear partial text.
 */
// Worker options: tunedProcessors() in the worker module (a worker killed mid-job hands the job back; the retry starts it over).
@Processor(QUEUE_NAMES.generation)
export class RunGenerationProcessor extends WorkerHost {
  constructor(
    @InjectRepository(GenerationEntity) private readonly generations: Repository<GenerationEntity>,
    @Inject(TEXT_PROVIDER) private readonly provider: TextProvider,
    @InjectConfig() private readonly config: AppConfig,
    private readonly handlers: GenerationHandlers,
    private readonly runner: PromptRunner,
    private readonly streams: GenerationStreamStore,
    private readonly stops: StopSignals,
    private readonly finalizer: GenerationFinalizer,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(RunGenerationProcessor.name);
  }

  async process(job: Job): Promise<void> {
    const data = GenerationJobSchema.parse(job.data);
    const { generationId, kind } = data;
    const attempt = job.attemptsMade + 1;
    // Time to first words: claiming (once the rows are stored, in the same round trip) answers the row and, when the job names its kind, the prompt's reads.
    const reader = kind ? this.handlers.find(kind) : undefined;
    const claiming = this.claim(reader, data, attempt);
    // The watch for a stop and the stream's position are asked for while the claim runs, once its statement has gone out.
    const watching = afterThisTurn(() => this.stops.watch(generationId));
    try {
      const [claimed, lastSeq] = await Promise.all([claiming, afterThisTurn(() => this.streams.lastSeq(generationId))]);
      if (!claimed) return;
      const { generation, reads: readAhead } = claimed;

      let seq = lastSeq;
      const emit = (entry: StreamEntry): Promise<void> => this.streams.appendAndSend(generation.ownerId, generationId, entry);

      if (seq > 0) {
        seq += 1;
        await emit({ type: 'reset', seq, attempt, reason: 'The reply is being written again after an interruption.' });
      }

      const meanwhile = new WritesMeanwhile();
      let abort: AbortController | undefined;
      let text = '';
      let firstChunkAt: Date | null = null;
      const coalescer = new ChunkCoalescer(this.config.generation.coalesceMs, async (delta) => {
        seq += 1;
        await emit({ type: 'delta', seq, text: delta });
      });

      const notice = async (message: string): Promise<void> => {
        await coalescer.drain();
        seq += 1;
        await emit({ type: 'notice', seq, message });
      };

      try {
        const handler = this.handlers.get(generation.kind);
        if (!handler.buildPrompt) throw new UnrecoverableError(`Generation kind ${generation.kind} has no prompt to stream`);
        const [plan, controller] = await Promise.all([handler.buildPrompt(generation, meanwhile.add, generation.kind === kind ? readAhead : undefined), watching]);
        abort = controller;
        // A step that names its model (a chat's model selector) records who writes it, when that is not who the claim recorded.
        const writer = plan.model ? writerOf(this.provider, plan.model) : null;
        if (writer && (writer.provider !== generation.provider || writer.model !== generation.model)) meanwhile.add(this.generations.update({ id: generationId }, writer));
        const run = this.runner.run(plan, { signal: abort.signal, seed: generation.seed, onNotice: notice, logContext: { generationId, userId: generation.ownerId, kind: generation.kind } });
        let outcome: RunOutcome | undefined;
        for (;;) {
          const next = await run.next();
          if (next.done) {
            outcome = next.value;
            break;
          }
          if (next.value.type === 'restart') {
            await coalescer.drain();
            text = '';
            seq += 1;
            await emit({ type: 'reset', seq, attempt, reason: next.value.reason });
            continue;
          }
          firstChunkAt ??= new Date();
          text += next.value.text;
          coalescer.push(next.value.text);
        }
        await Promise.all([coalescer.drain(), meanwhile.settle()]);
        const stopped = abort.signal.aborted;
        await this.finalizer.finish(generationId, {
          status: stopped ? 'stopped' : 'completed',
          text,
          finishReason: stopped ? 'stopped' : outcome.finishReason,
          error: null,
          promptTokens: outcome.promptTokens,
          completionTokens: outcome.completionTokens,
          estimatedPromptTokens: outcome.estimatedPromptTokens,
          limitHit: outcome.limitHit,
          firstChunkAt,
          lastSeq: seq,
          toolCalls: stopped ? null : (outcome.toolCalls ?? null),
        });
      } catch (error) {
        await Promise.all([coalescer.drain().catch(() => undefined), meanwhile.settle().catch(() => undefined)]);
        await this.handleFailure(job, generationId, error, { text, seq, firstChunkAt });
      }
    } finally {
      // A prompt that failed to build must not leave the watch registering after the release.
      await watching.catch(() => undefined);
      this.stops.release(generationId);
    }
  }

  /** The claim, with the prompt's reads in the same statement when the handler has them. */
  private async claim(reader: GenerationHandler | undefined, job: GenerationJob, attempt: number): Promise<{ generation: GenerationEntity; reads?: Promise<unknown> } | null> {
    const writer = { provider: this.provider.name, model: this.provider.model };
    if (!reader?.claimReads) {
      const generation = await claimStep(this.generations, job, attempt, writer);
      return generation && { generation };
    }
    const claimed = await claimStepWithReads(this.generations, job, attempt, writer, reader.claimReads);
    return claimed && { generation: claimed.generation, reads: Promise.resolve(claimed.reads) };
  }

  private async handleFailure(job: Job, generationId: string, error: unknown, progress: { text: string; seq: number; firstChunkAt: Date | null }): Promise<void> {
    const retryable = error instanceof ProviderError ? error.retryable : !(error instanceof UnrecoverableError);
    const attemptsLeft = (job.opts.attempts ?? 1) - (job.attemptsMade + 1);
    const reason = error instanceof ProviderError ? error.message : 'The story engine failed unexpectedly.';
    this.logger.warn({ err: error, generationId, attempt: job.attemptsMade + 1, attemptsLeft, retryable }, 'Generation attempt failed');
    if (retryable && attemptsLeft > 0) throw error;
    await this.finalizer.finish(generationId, {
      status: 'failed',
      text: progress.text,
      finishReason: null,
      error: reason,
      promptTokens: null,
      completionTokens: null,
      estimatedPromptTokens: null,
      limitHit: error instanceof ProviderError && error.kind === 'context-overflow' ? 'context' : null,
      firstChunkAt: progress.firstChunkAt,
      lastSeq: progress.seq,
    });
  }
}
