import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RealtimeGateway } from './realtime.gateway';

/** HTTP process only: the worker publishes through Redis instead. */
@Module({ imports: [AuthModule], providers: [RealtimeGateway] })
export class RealtimeModule {}
