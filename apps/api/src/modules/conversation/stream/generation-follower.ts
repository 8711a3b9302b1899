import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isTerminalStatus, type StreamEntry } from '@storyos/contracts';
import type { Repository } from 'typeorm';
import { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationStreamStore } from '../../generation/stream/generation-stream.store';
import { SharedStreamReader } from '../../generation/stream/shared-stream-reader';

/**
 * A generation's stream entries from its start to its end entry: what is in
 * Redis, then the live ones through the process's shared reader. A finished
 * generation whose stream has expired is told from its stored row.
 */
@Injectable()
export class GenerationFollower {
  constructor(
    private readonly streams: GenerationStreamStore,
    private readonly reader: SharedStreamReader,
    @InjectRepository(GenerationEntity) private readonly generations: Repository<GenerationEntity>,
  ) {}

  /** `fresh`: the generation was started by this request, so its stream is all there is; it is followed from its start without a read first. */
  async *entries(generationId: string, closed: AbortSignal, fresh = false): AsyncGenerator<StreamEntry, void, void> {
    let afterSeq = 0;
    if (!fresh) {
      const backlog = await this.streams.readAfter(generationId, 0);
      if (backlog.length === 0) {
        const row = await this.generations.findOneBy({ id: generationId });
        if (!row) return;
        if (isTerminalStatus(row.status)) return yield* storedEntries(row);
      }
      for (const entry of backlog) {
        yield entry;
        if (entry.type === 'end') return;
      }
      afterSeq = backlog.at(-1)?.seq ?? 0;
    }
    const queue = new EntryQueue();
    const unfollow = this.reader.follow(generationId, afterSeq, { onEntries: (entries) => queue.push(entries), onClose: () => queue.close() });
    const stop = (): void => queue.close();
    closed.addEventListener('abort', stop, { once: true });
    if (closed.aborted) stop();
    try {
      for (let entry = await queue.next(); entry; entry = await queue.next()) {
        yield entry;
        if (entry.type === 'end') return;
      }
    } finally {
      unfollow();
      closed.removeEventListener('abort', stop);
    }
  }
}

/** The stored outcome as the stream would have told it. */
function* storedEntries(row: GenerationEntity): Generator<StreamEntry, void, void> {
  if (row.text) yield { type: 'delta', seq: 1, text: row.text };
  yield { type: 'end', seq: 2, status: row.status, finishReason: row.finishReason, error: row.error, usage: null };
}

/** Entries handed over by the reader's callback, taken one at a time by the generator; closing ends it. */
class EntryQueue {
  private readonly items: StreamEntry[] = [];
  private waiting: ((entry: StreamEntry | null) => void) | null = null;
  private closed = false;

  push(entries: StreamEntry[]): void {
    this.items.push(...entries);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  next(): Promise<StreamEntry | null> {
    const item = this.items.shift();
    if (item) return Promise.resolve(item);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private wake(): void {
    const resolve = this.waiting;
    if (!resolve) return;
    const item = this.items.shift();
    if (!item && !this.closed) return;
    this.waiting = null;
    resolve(item ?? null);
  }
}
