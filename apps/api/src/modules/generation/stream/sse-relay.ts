import { Injectable } from '@nestjs/common';
import { isTerminalStatus, type StreamEntry } from '@storyos/contracts';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { closeRedis, createRedis } from '../../../core/redis/create-redis';
import type { GenerationEntity } from '../entities/generation.entity';
import { GenerationStreamStore } from './generation-stream.store';

const KEEP_ALIVE_MS = 15_000;

/**
 * Relays a generation's stream as Server-Sent Events: `id` is the seq, so a
 * client that reconnects with `Last-Event-ID` continues exactly where it left
 * off. One reader per connection: every entry is sent once, in order.
 */
@Injectable()
export class SseRelay {
  constructor(
    private readonly streams: GenerationStreamStore,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(SseRelay.name);
  }

  async relay(generation: GenerationEntity, afterSeq: number, response: Response, closed: AbortSignal): Promise<void> {
    response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();

    let lastSeq = afterSeq;
    const backlog = await this.streams.readAfter(generation.id, afterSeq);
    if (!backlog.length && isTerminalStatus(generation.status) && generation.lastSeq > afterSeq) {
      // The live stream has expired; the stored result stands in for it.
      writeEvent(response, 'snapshot', null, { status: generation.status, text: generation.text, lastSeq: generation.lastSeq, error: generation.error });
      return void response.end();
    }
    if (this.writeAll(response, backlog)) return void response.end();
    lastSeq = backlog.at(-1)?.seq ?? lastSeq;

    const reader = createRedis(this.config.redis.url, 'sse-reader', this.logger, { maxRetriesPerRequest: null });
    closed.addEventListener('abort', () => reader.disconnect(), { once: true });
    try {
      while (!closed.aborted) {
        const entries = await this.streams.waitAfter(reader, generation.id, lastSeq, KEEP_ALIVE_MS).catch((error: unknown) => {
          if (closed.aborted) return [];
          throw error;
        });
        if (!entries.length) {
          response.write(': keep-alive\n\n');
          continue;
        }
        if (this.writeAll(response, entries)) break;
        lastSeq = entries.at(-1)?.seq ?? lastSeq;
      }
    } catch (error) {
      this.logger.warn({ err: error, generationId: generation.id, userId: generation.ownerId }, 'SSE relay stopped');
    } finally {
      await closeRedis(reader);
      response.end();
    }
  }

  /** Writes entries; returns true once the end entry has been written. */
  private writeAll(response: Response, entries: StreamEntry[]): boolean {
    for (const entry of entries) {
      writeEvent(response, entry.type, entry.seq, entry);
      if (entry.type === 'end') return true;
    }
    return false;
  }
}

function writeEvent(response: Response, event: string, id: number | null, data: unknown): void {
  response.write(`${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
