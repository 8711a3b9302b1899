import { Injectable } from '@nestjs/common';
import type { StoryCacheStats } from '@storyos/contracts';
import type Redis from 'ioredis';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectRedis } from '../../../core/redis/redis.module';

/** A week: long enough to help a writer who comes back, short enough to stay small. */
export const STORY_CACHE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Phase results by the hash of everything that shaped them (see resultCacheKey
 * in @storyos/domain). Shared by every API and worker process through Redis;
 * hits and misses are counted there too.
 */
@Injectable()
export class StoryResultCache {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Counts a hit or a miss. */
  async get(key: string): Promise<string | null> {
    const value = await this.redis.get(this.entryKey(key));
    await this.redis.hincrby(this.statsKey(), value === null ? 'misses' : 'hits', 1);
    return value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.redis.set(this.entryKey(key), value, 'EX', STORY_CACHE_TTL_SECONDS);
  }

  async stats(): Promise<StoryCacheStats> {
    const keys = await this.entryKeys();
    let memoryBytes = 0;
    for (const key of keys) memoryBytes += Number((await this.redis.call('MEMORY', 'USAGE', key)) ?? 0);
    const counters = await this.redis.hgetall(this.statsKey());
    const hits = Number(counters['hits'] ?? 0);
    const misses = Number(counters['misses'] ?? 0);
    return { entries: keys.length, hits, misses, hitRate: hits + misses === 0 ? 0 : hits / (hits + misses), memoryBytes };
  }

  /** Forgets every entry and resets the counters. */
  async clear(): Promise<void> {
    const keys = await this.entryKeys();
    for (let i = 0; i < keys.length; i += 500) await this.redis.unlink(...keys.slice(i, i + 500));
    await this.redis.unlink(this.statsKey());
  }

  private async entryKeys(): Promise<string[]> {
    const keys: string[] = [];
    const stream = this.redis.scanStream({ match: `${this.entryKey('')}*`, count: 500 });
    for await (const batch of stream as AsyncIterable<string[]>) keys.push(...batch);
    return [...new Set(keys)];
  }

  private entryKey(key: string): string {
    return `${this.config.redis.prefix}:story-cache:${key}`;
  }

  /** Outside the entries' pattern, so scans never count it as one. */
  private statsKey(): string {
    return `${this.config.redis.prefix}:story-cache-stats`;
  }
}
