import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { StreamEntry } from '@storyos/contracts';
import type Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { closeRedis, createRedis } from '../../../core/redis/create-redis';
import { InjectRedis } from '../../../core/redis/redis.module';
import { GenerationStreamStore } from './generation-stream.store';

export interface StreamListener {
  /** Called with entries after the listener's last seq, in order. */
  onEntries: (entries: StreamEntry[]) => void;
  /** Reading failed for good (the process is shutting down). */
  onClose: () => void;
}

interface Follower extends StreamListener {
  generationId: string;
  lastSeq: number;
}

/**
 * How long one XREAD waits before it is issued again. A change of followers
 * interrupts it at once; the bound only matters when that interruption raced
 * the read's start.
 */
const BLOCK_MS = 1_000;
const RETRY_AFTER_ERROR_MS = 500;

/**
 * One blocking Redis connection per API process follows every generation
 * stream that an SSE client is reading: one multi-stream XREAD at a time,
 * interrupted (CLIENT UNBLOCK) whenever a follower comes or goes. So the
 * number of Redis connections does not grow with the number of readers.
 */
@Injectable()
export class SharedStreamReader implements OnApplicationShutdown {
  private readonly followers = new Set<Follower>();
  private reader: Redis | null = null;
  private readerId: number | null = null;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly streams: GenerationStreamStore,
    @InjectRedis() private readonly commands: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(SharedStreamReader.name);
  }

  /** Follows one generation's stream after `afterSeq`; returns the function that stops following. */
  follow(generationId: string, afterSeq: number, listener: StreamListener): () => void {
    const follower: Follower = { ...listener, generationId, lastSeq: afterSeq };
    this.followers.add(follower);
    this.restartRead();
    return () => {
      if (this.followers.delete(follower)) this.restartRead();
    };
  }

  get followerCount(): number {
    return this.followers.size;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.followers.forEach((follower) => follower.onClose());
    this.followers.clear();
    this.wake?.();
    if (this.reader) await closeRedis(this.reader);
  }

  /** Makes the loop issue a new XREAD with the current followers. */
  private restartRead(): void {
    if (this.closed) return;
    this.running ??= this.loop().finally(() => (this.running = null));
    if (this.wake) return this.wake();
    if (this.readerId !== null) void this.commands.client('UNBLOCK', this.readerId).catch(() => undefined);
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      if (!this.followers.size) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      try {
        await this.readOnce();
      } catch (error) {
        if (this.closed) return;
        this.logger.warn({ err: error, followers: this.followers.size }, 'Reading generation streams failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
      }
    }
  }

  private async readOnce(): Promise<void> {
    const reader = await this.connection();
    // Each stream is read from the earliest seq any of its followers still needs.
    const from = new Map<string, number>();
    for (const follower of this.followers) {
      from.set(follower.generationId, Math.min(from.get(follower.generationId) ?? Infinity, follower.lastSeq));
    }
    const ids = [...from.keys()];
    const entries = await this.streams.waitAfterMany(reader, ids.map((id) => ({ generationId: id, afterSeq: from.get(id)! })), BLOCK_MS);
    for (const [generationId, list] of entries) {
      for (const follower of [...this.followers]) {
        if (follower.generationId !== generationId) continue;
        const fresh = list.filter((entry) => entry.seq > follower.lastSeq);
        if (!fresh.length) continue;
        follower.lastSeq = fresh.at(-1)!.seq;
        follower.onEntries(fresh);
      }
    }
  }

  private async connection(): Promise<Redis> {
    if (this.reader) return this.reader;
    this.reader = createRedis(this.config.redis, 'sse-reader', this.logger, { maxRetriesPerRequest: null });
    this.readerId = Number(await this.reader.client('ID'));
    this.reader.on('ready', () => {
      // A reconnect is a new client: ask its id again so UNBLOCK reaches it.
      void this.reader?.client('ID').then((id) => (this.readerId = Number(id)), () => undefined);
    });
    return this.reader;
  }
}
