import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConcurrencySlots } from './concurrency-slots';
import { closeRedis, createRedis } from './create-redis';
import { InjectRedis, REDIS } from './redis.token';

export { InjectRedis, REDIS } from './redis.token';

/** One shared command connection; BullMQ and Socket.IO open their own. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG, PinoLogger],
      useFactory: (config: AppConfig, logger: PinoLogger) => createRedis(config.redis, 'commands', logger),
    },
    ConcurrencySlots,
  ],
  exports: [REDIS, ConcurrencySlots],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
