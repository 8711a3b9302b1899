import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { redisConnectionName } from '../redis/create-redis';
import { QueueErrorLogger } from './queue-error-logger';

/** BullMQ's shared connection; feature modules register their own queues. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redis.url, maxRetriesPerRequest: null, connectionName: redisConnectionName(config.redis.prefix, 'bullmq') },
        prefix: `${config.redis.prefix}:bull`,
        defaultJobOptions: { removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 24 * 3600 } },
      }),
    }),
  ],
  providers: [QueueErrorLogger],
})
export class QueueModule {}
