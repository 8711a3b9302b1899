import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUE_NAMES } from '@storyos/contracts';
import { AuthModule } from '../auth/auth.module';
import { ContextWindowService } from './budget/context-window.service';
import { GenerationEntity } from './entities/generation.entity';
import { GenerationFlowEntity } from './entities/generation-flow.entity';
import { FlowDefinitions } from './flows/flow-definitions';
import { FlowRunner } from './flows/flow-runner.service';
import { FlowsService } from './flows/flows.service';
import { GenerationFinalizer } from './generation-finalizer.service';
import { GenerationsController } from './generations.controller';
import { GenerationsService } from './generations.service';
import { GenerationHandlers } from './handlers/generation-handlers';
import { ModelsController } from './models/models.controller';
import { ModelsService } from './models/models.service';
import { TextProviderModule } from './providers/text-provider.module';
import { PromptRunner } from './runner/prompt-runner';
import { GenerationStreamStore } from './stream/generation-stream.store';
import { SharedStreamReader } from './stream/shared-stream-reader';
import { SseRelay } from './stream/sse-relay';
import { SseSlots } from './stream/sse-slots';
import { StepQueues } from './step-queues';
import { StopSignals } from './stream/stop-signals';

/**
 * The pipeline every feature streams through: generations (one streamed
 * text each) and flows (multi-step jobs whose steps are generations).
 * Features register handlers for their generation kinds and definitions for
 * their flow kinds.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([GenerationEntity, GenerationFlowEntity]),
    BullModule.registerQueue({ name: QUEUE_NAMES.generation }, { name: QUEUE_NAMES.flow }, { name: QUEUE_NAMES.media }, { name: QUEUE_NAMES.transcription }),
    AuthModule,
    TextProviderModule,
  ],
  controllers: [GenerationsController, ModelsController],
  providers: [
    ModelsService,
    GenerationsService,
    GenerationFinalizer,
    GenerationHandlers,
    GenerationStreamStore,
    StopSignals,
    SseRelay,
    SharedStreamReader,
    SseSlots,
    ContextWindowService,
    PromptRunner,
    FlowDefinitions,
    FlowsService,
    FlowRunner,
    StepQueues,
  ],
  exports: [
    GenerationsService,
    GenerationHandlers,
    GenerationStreamStore,
    StopSignals,
    GenerationFinalizer,
    PromptRunner,
    ContextWindowService,
    FlowDefinitions,
    FlowsService,
    FlowRunner,
    // One shared stream reader, stream cap and model list per process, for every feature that serves streams.
    SharedStreamReader,
    SseSlots,
    ModelsService,
    TextProviderModule,
    TypeOrmModule,
    BullModule,
  ],
})
export class GenerationModule {}
