import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { closeRedis, createRedis } from '../../../core/redis/create-redis';
import { InjectRedis } from '../../../core/redis/redis.module';
import { stopChannel, streamKeys } from './stream-keys';

const STOP_FLAG_TTL_SECONDS = 24 * 3600;

/**
 * Stop requests cross processes: any API process raises a flag and publishes
 * it; the worker holding the generation aborts it. The flag also covers a
 * job that has not started yet.
 */
@Injectable()
export class StopSignals implements OnApplicationShutdown {
  private subscriber: Redis | null = null;
  private readonly running = new Map<string, AbortController>();

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(StopSignals.name);
  }

  async request(generationId: string): Promise<void> {
    await this.redis.set(this.keys(generationId).stop, '1', 'EX', STOP_FLAG_TTL_SECONDS);
    await this.redis.publish(stopChannel(this.config.redis.prefix), generationId);
  }

  async isRequested(generationId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys(generationId).stop)) === 1;
  }

  /** Worker side: the returned signal aborts when someone asks this generation to stop. */
  async watch(generationId: string): Promise<AbortController> {
    await this.ensureSubscribed();
    const controller = new AbortController();
    this.running.set(generationId, controller);
    if (await this.isRequested(generationId)) controller.abort();
    return controller;
  }

  release(generationId: string): void {
    this.running.delete(generationId);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  private async ensureSubscribed(): Promise<void> {
    if (this.subscriber) return;
    this.subscriber = createRedis(this.config.redis, 'stop-signals', this.logger, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, generationId: string) => {
      this.running.get(generationId)?.abort();
    });
    await this.subscriber.subscribe(stopChannel(this.config.redis.prefix));
  }

  private keys(generationId: string) {
    return streamKeys(this.config.redis.prefix, generationId);
  }
}
