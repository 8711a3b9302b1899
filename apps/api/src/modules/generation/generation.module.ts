import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUE_NAMES } from '@storyos/contracts';
import { AuthModule } from '../auth/auth.module';
import { GenerationEntity } from './entities/generation.entity';
import { GenerationFinalizer } from './generation-finalizer.service';
import { GenerationsController } from './generations.controller';
import { ModelsController } from './models/models.controller';
import { ModelsService } from './models/models.service';
import { GenerationsService } from './generations.service';
import { ContextWindowService } from './budget/context-window.service';
import { GenerationHandlers } from './handlers/generation-handlers';
import { TextProviderModule } from './providers/text-provider.module';
import { PromptRunner } from './runner/prompt-runner';
import { GenerationStreamStore } from './stream/generation-stream.store';
import { SharedStreamReader } from './stream/shared-stream-reader';
import { SseRelay } from './stream/sse-relay';
import { SseSlots } from './stream/sse-slots';
import { StopSignals } from './stream/stop-signals';

/** The pipeline every feature streams through; features register handlers for their kinds. */
@Module({
  imports: [TypeOrmModule.forFeature([GenerationEntity]), BullModule.registerQueue({ name: QUEUE_NAMES.generation }), AuthModule, TextProviderModule],
  controllers: [GenerationsController, ModelsController],
  providers: [ModelsService, GenerationsService, GenerationFinalizer, GenerationHandlers, GenerationStreamStore, StopSignals, SseRelay, SharedStreamReader, SseSlots, ContextWindowService, PromptRunner],
  exports: [GenerationsService, GenerationHandlers, GenerationStreamStore, StopSignals, GenerationFinalizer, PromptRunner, ContextWindowService, TextProviderModule, TypeOrmModule, BullModule],
})
export class GenerationModule {}
