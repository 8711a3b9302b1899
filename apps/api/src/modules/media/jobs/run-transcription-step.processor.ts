import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import { GenerationJobSchema, QUEUE_NAMES, type StreamEntry } from '@storyos/contracts';
import { ProviderError, type TranscriptionProvider } from '@storyos/domain';
import { UnrecoverableError, type Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { Repository } from 'typeorm';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationFinalizer } from '../../generation/generation-finalizer.service';
import { GenerationStreamStore } from '../../generation/stream/generation-stream.store';
import { StopSignals } from '../../generation/stream/stop-signals';
import { MediaService } from '../media.service';
import { InjectTranscriptionProvider } from '../providers/media-provider.tokens';
import { recordingFileName } from '../transcriptions/recording-type';
import { claimStep } from '../../generation/jobs/claim-step';

/**
 * Runs a transcription step (a generation of step type transcription): the
 * stored recording goes to the transcription provider and the transcript
 * comes back as the generation's text, sent as one `delta` entry. A retried
 * attempt resets the stream first; a stop aborts the provider call.
 */
@Processor(QUEUE_NAMES.transcription) // worker options: tunedProcessors() in the worker module
export class RunTranscriptionStepProcessor extends WorkerHost {
  constructor(
    @InjectRepository(GenerationEntity) private readonly generations: Repository<GenerationEntity>,
    @InjectTranscriptionProvider() private readonly provider: TranscriptionProvider | null,
    private readonly media: MediaService,
    private readonly streams: GenerationStreamStore,
    private readonly stops: StopSignals,
    private readonly finalizer: GenerationFinalizer,
    private readonly logger: PinoLogger,
  ) {
    super();
    this.logger.setContext(RunTranscriptionStepProcessor.name);
  }

  async process(job: Job): Promise<void> {
    const data = GenerationJobSchema.parse(job.data);
    const { generationId } = data;
    const attempt = job.attemptsMade + 1;
    const writer = this.provider ? { provider: this.provider.name, model: this.provider.model } : undefined;
    const generation = await claimStep(this.generations, data, attempt, writer);
    if (!generation) return;

    let seq = await this.streams.lastSeq(generationId);
    const emit = async (entry: Omit<Extract<StreamEntry, { type: 'delta' }>, 'seq'> | Omit<Extract<StreamEntry, { type: 'reset' }>, 'seq'>): Promise<void> => {
      seq += 1;
      const full = { ...entry, seq } as StreamEntry;
      await this.streams.appendAndSend(generation.ownerId, generationId, full);
    };
    if (seq > 0) await emit({ type: 'reset', attempt, reason: 'Listening to the recording again after an interruption.' });

    const abort = await this.stops.watch(generationId);
    try {
      if (!this.provider) throw new ProviderError('This server has no speech-to-text service configured.', false);
      const { recordingId } = generation.input as { recordingId?: string };
      const recording = recordingId ? await this.media.bytesOf(recordingId) : null;
      if (!recording) throw new ProviderError('The recording is no longer stored.', false);
      const transcript = await this.provider.transcribe({ bytes: recording.bytes, contentType: recording.contentType, fileName: recordingFileName(recording.contentType) }, abort.signal);
      if (abort.signal.aborted) {
        await this.finalizer.finish(generationId, outcome('stopped', '', null, seq));
        return;
      }
      if (transcript.text) await emit({ type: 'delta', text: transcript.text });
      await this.finalizer.finish(generationId, outcome('completed', transcript.text, null, seq));
    } catch (error) {
      if (abort.signal.aborted) {
        await this.finalizer.finish(generationId, outcome('stopped', '', null, seq));
        return;
      }
      const retryable = error instanceof ProviderError ? error.retryable : !(error instanceof UnrecoverableError);
      const attemptsLeft = (job.opts.attempts ?? 1) - attempt;
      this.logger.warn({ err: error, generationId, userId: generation.ownerId, attempt, attemptsLeft, retryable }, 'Transcription attempt failed');
      if (retryable && attemptsLeft > 0) throw error;
      const reason = error instanceof ProviderError ? error.message : 'The recording could not be written down.';
      await this.finalizer.finish(generationId, outcome('failed', '', reason, seq));
    } finally {
      this.stops.release(generationId);
    }
  }
}

function outcome(status: 'completed' | 'stopped' | 'failed', text: string, error: string | null, lastSeq: number) {
  return { status, text, finishReason: status === 'completed' ? 'stop' : status === 'stopped' ? 'stopped' : null, error, promptTokens: null, completionTokens: null, estimatedPromptTokens: null, limitHit: null, firstChunkAt: null, lastSeq };
}
