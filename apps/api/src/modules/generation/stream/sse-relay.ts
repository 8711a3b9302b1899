import { Injectable } from '@nestjs/common';
import { isTerminalStatus, type StreamEntry } from '@storyos/contracts';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { GenerationEntity } from '../entities/generation.entity';
import { GenerationStreamStore } from './generation-stream.store';
import { SharedStreamReader } from './shared-stream-reader';
import { SseSlots } from './sse-slots';

const KEEP_ALIVE_MS = 15_000;

/**
 * Relays a generation's stream as Server-Sent Events: `id` is the seq, so a
 * client that reconnects with `Last-Event-ID` continues exactly where it left
 * off; every entry is sent once, in order. A finished generation with nothing
 * after that id answers 204, which tells an EventSource to stop reconnecting.
 * Live entries come from the process's one shared stream reader.
 */
@Injectable()
export class SseRelay {
  constructor(
    private readonly streams: GenerationStreamStore,
    private readonly reader: SharedStreamReader,
    private readonly slots: SseSlots,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(SseRelay.name);
  }

  async relay(generation: GenerationEntity, afterSeq: number, response: Response, closed: AbortSignal): Promise<void> {
    const backlog = await this.streams.readAfter(generation.id, afterSeq);
    const finished = isTerminalStatus(generation.status);
    if (finished && !backlog.length) {
      if (generation.lastSeq <= afterSeq) return void response.status(204).end();
      // The live stream has expired; the stored result stands in for it.
      openEventStream(response);
      writeEvent(response, 'snapshot', null, { status: generation.status, text: generation.text, lastSeq: generation.lastSeq, error: generation.error });
      return void response.end();
    }

    const slot = await this.slots.take(generation.ownerId);
    openEventStream(response);
    if (this.writeAll(response, backlog) || finished) {
      await slot.release();
      return void response.end();
    }

    await new Promise<void>((resolve) => {
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        unfollow();
        clearInterval(keepAlive);
        closed.removeEventListener('abort', finish);
        void slot.release().catch((error: unknown) => this.logger.warn({ err: error, userId: generation.ownerId }, 'Could not free an SSE slot'));
        response.end();
        resolve();
      };
      const unfollow = this.reader.follow(generation.id, backlog.at(-1)?.seq ?? afterSeq, {
        onEntries: (entries) => {
          if (this.writeAll(response, entries)) finish();
        },
        onClose: finish,
      });
      const keepAlive = setInterval(() => {
        response.write(': keep-alive\n\n');
        void slot.refresh().catch(() => undefined);
      }, KEEP_ALIVE_MS);
      closed.addEventListener('abort', finish, { once: true });
      if (closed.aborted) finish();
    });
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

function openEventStream(response: Response): void {
  response.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();
}

function writeEvent(response: Response, event: string, id: number | null, data: unknown): void {
  response.write(`${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
