import { Injectable } from '@nestjs/common';
import { StreamEntrySchema, type StreamEntry } from '@storyos/contracts';
import type { ChainableCommander, default as Redis } from 'ioredis';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';
import { InjectRedis } from '../../../core/redis/redis.module';
import { entryId, seqOf, streamKeys } from './stream-keys';

/** How long a finished stream stays replayable; afterwards clients read the stored text. */
const ENDED_STREAM_TTL_SECONDS = 3600;
const LIVE_STREAM_TTL_SECONDS = 24 * 3600;

type RawEntries = [id: string, fields: string[]][];

/** The Redis stream of one generation: sequence-numbered entries, appended by the worker. */
@Injectable()
export class GenerationStreamStore {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly realtime: RealtimePublisher,
  ) {}

  async append(generationId: string, entry: StreamEntry): Promise<void> {
    await this.appending(generationId, entry).exec().then(assertNoErrors);
  }

  /**
   * Stores the entry and sends it to its owner's sockets in one transaction:
   * one round trip on the way to the reader, and nobody receives an entry
   * the stream does not hold yet (a client catching up never misses it).
   */
  async appendAndSend(ownerId: string, generationId: string, entry: StreamEntry): Promise<void> {
    const transaction = this.appending(generationId, entry);
    this.realtime.entryToUser(ownerId, generationId, entry, transaction);
    await transaction.exec().then(assertNoErrors);
  }

  /** Entries with seq greater than `afterSeq`, in order. */
  async readAfter(generationId: string, afterSeq: number): Promise<StreamEntry[]> {
    const raw = (await this.redis.xrange(this.key(generationId), `${afterSeq + 1}-0`, '+')) as RawEntries;
    return parseEntries(raw);
  }

  async lastSeq(generationId: string): Promise<number> {
    const [last] = (await this.redis.xrevrange(this.key(generationId), '+', '-', 'COUNT', 1)) as RawEntries;
    return last ? seqOf(last[0]) : 0;
  }

  /**
   * One blocking read over many streams (the shared SSE reader): entries after
   * each stream's `afterSeq`, keyed by generation id; an empty map when
   * `blockMs` passed or the read was interrupted with CLIENT UNBLOCK.
   */
  async waitAfterMany(connection: Redis, streams: { generationId: string; afterSeq: number }[], blockMs: number): Promise<Map<string, StreamEntry[]>> {
    const keys = streams.map((stream) => this.key(stream.generationId));
    const result = (await connection.xread('COUNT', 1000, 'BLOCK', blockMs, 'STREAMS', ...keys, ...streams.map((stream) => entryId(stream.afterSeq)))) as
      | [key: string, entries: RawEntries][]
      | null;
    const byKey = new Map(streams.map((stream, index) => [keys[index]!, stream.generationId]));
    return new Map((result ?? []).map(([key, raw]) => [byKey.get(key)!, parseEntries(raw)]));
  }

  private appending(generationId: string, entry: StreamEntry): ChainableCommander {
    const key = this.key(generationId);
    const ttl = entry.type === 'end' ? ENDED_STREAM_TTL_SECONDS : LIVE_STREAM_TTL_SECONDS;
    return this.redis.multi().xadd(key, entryId(entry.seq), 'e', JSON.stringify(entry)).expire(key, ttl);
  }

  private key(generationId: string): string {
    return streamKeys(this.config.redis.prefix, generationId).entries;
  }
}

function parseEntries(raw: RawEntries): StreamEntry[] {
  return raw.flatMap(([, fields]) => {
    const json = fields[1];
    if (json === undefined) return [];
    return [StreamEntrySchema.parse(JSON.parse(json))];
  });
}

function assertNoErrors(results: [Error | null, unknown][] | null): void {
  const failed = results?.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}
