import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GenerationGateway } from '../generation/generation.gateway';
import { GenerationModule } from '../generation/generation.module';
import { RealtimeGateway } from './realtime.gateway';

/** Socket handlers, in the HTTP process only: the worker publishes through Redis instead. */
@Module({ imports: [AuthModule, GenerationModule], providers: [RealtimeGateway, GenerationGateway] })
export class RealtimeModule {}
