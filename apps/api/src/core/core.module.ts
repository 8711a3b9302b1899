import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';
import { RealtimePublisherModule } from './realtime/realtime-publisher.module';
import { RedisModule } from './redis/redis.module';

/** What both the API and the worker process need. */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule, QueueModule, RealtimePublisherModule],
  exports: [RealtimePublisherModule],
})
export class CoreModule {}
