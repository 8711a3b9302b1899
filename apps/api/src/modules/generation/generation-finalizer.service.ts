import { Injectable } from '@nestjs/common';
import type { GenerationLimit, GenerationStatus, GenerationUsage, StreamEntry } from '@storyos/contracts';
import type { ToolCall } from '@storyos/domain';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, In } from 'typeorm';
import { RealtimePublisher } from '../../core/realtime/realtime-publisher.service';
import { GenerationEntity } from './entities/generation.entity';
import { GenerationHandlers } from './handlers/generation-handlers';
import { GenerationStreamStore } from './stream/generation-stream.store';

export interface GenerationOutcome {
  status: Extract<GenerationStatus, 'completed' | 'stopped' | 'failed'>;
  text: string;
  finishReason: string | null;
  error: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Our own count of the prompt as sent. */
  estimatedPromptTokens: number | null;
  limitHit: GenerationLimit | null;
  firstChunkAt: Date | null;
  /** The last seq written to the stream so far; the end entry follows it. */
  lastSeq: number;
  /** The tool calls the model made, for the handler to run; absent or null when none. */
  toolCalls?: ToolCall[] | null;
}

/**
 * Ends a generation exactly once: the status change and the handler's rows
 * commit together, guarded so a second finisher (a retried or stale worker)
 * changes nothing; then the end entry goes out to listeners.
 */
@Injectable()
export class GenerationFinalizer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: GenerationHandlers,
    private readonly streams: GenerationStreamStore,
    private readonly realtime: RealtimePublisher,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(GenerationFinalizer.name);
  }

  /** Ends a generation no worker is running (stopped while queued, or its job gave up): whatever text it streamed stays. */
  async finishUnrun(generationId: string, status: 'stopped' | 'failed', error: string | null): Promise<boolean> {
    const live = await this.streams.readAfter(generationId, 0).catch(() => []);
    const text = live.reduce((sum, entry) => (entry.type === 'delta' ? sum + entry.text : entry.type === 'reset' ? '' : sum), '');
    return this.finish(generationId, {
      status,
      text,
      finishReason: status === 'stopped' ? 'stopped' : null,
      error,
      promptTokens: null,
      completionTokens: null,
      estimatedPromptTokens: null,
      limitHit: null,
      firstChunkAt: null,
      lastSeq: live.at(-1)?.seq ?? 0,
    });
  }

  async finish(generationId: string, outcome: GenerationOutcome): Promise<boolean> {
    const endSeq = outcome.lastSeq + 1;
    const finished = await this.dataSource.transaction(async (manager) => {
      const generation = await manager.findOne(GenerationEntity, {
        where: { id: generationId, status: In(['queued', 'streaming']) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!generation) return null;
      Object.assign(generation, {
        status: outcome.status,
        text: outcome.text,
        finishReason: outcome.finishReason,
        error: outcome.error,
        promptTokens: outcome.promptTokens,
        completionTokens: outcome.completionTokens,
        estimatedPromptTokens: outcome.estimatedPromptTokens,
        limitHit: outcome.limitHit,
        firstChunkAt: outcome.firstChunkAt ?? generation.firstChunkAt,
        lastSeq: endSeq,
        toolCalls: outcome.toolCalls ?? null,
        completedAt: new Date(),
      });
      await manager.save(generation);
      await this.handlers.get(generation.kind).onFinished(generation, manager);
      return generation;
    });
    if (!finished) return false;

    const end: StreamEntry = {
      type: 'end',
      seq: endSeq,
      status: outcome.status,
      finishReason: outcome.finishReason,
      error: outcome.error,
      usage: usageOf(outcome),
    };
    await this.streams.append(generationId, end).catch((error: unknown) => {
      // The stored row is the truth; a listener that misses the end entry sees it on its next read.
      this.logger.warn({ err: error, generationId }, 'Could not append the end entry');
    });
    this.realtime.entryToUser(finished.ownerId, generationId, end);
    this.logger.info({ generationId, userId: finished.ownerId, status: outcome.status, kind: finished.kind }, 'Generation finished');
    await this.handlers
      .get(finished.kind)
      .afterFinished?.(finished)
      .catch((error: unknown) => this.logger.error({ err: error, generationId, userId: finished.ownerId }, 'Follow-up after generation failed'));
    return true;
  }
}

/** The token counts, or null when nothing was counted (a generation stopped before it was sent). */
export function usageOf(counts: Pick<GenerationOutcome, 'promptTokens' | 'completionTokens' | 'estimatedPromptTokens'>): GenerationUsage | null {
  const { promptTokens, completionTokens, estimatedPromptTokens } = counts;
  return promptTokens === null && completionTokens === null && estimatedPromptTokens === null ? null : { promptTokens, completionTokens, estimatedPromptTokens };
}
