import { Global, Module } from '@nestjs/common';
import { RealtimePublisher } from './realtime-publisher.service';

/** Global like Redis: any feature, in any process, may push events to users. */
@Global()
@Module({ providers: [RealtimePublisher], exports: [RealtimePublisher] })
export class RealtimePublisherModule {}
