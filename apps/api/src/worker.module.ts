import { Module } from '@nestjs/common';
import { QUEUE_NAMES } from '@storyos/contracts';
import { CoreModule } from './core/core.module';
import { tunedProcessors } from './core/queue/worker-options';
import { AuthModule } from './modules/auth/auth.module';
import { ConversationModule } from './modules/conversation/conversation.module';
import { GameModule } from './modules/game/game.module';
import { GenerationModule } from './modules/generation/generation.module';
import { RunFlowProcessor } from './modules/generation/jobs/run-flow.processor';
import { RunGenerationProcessor } from './modules/generation/jobs/run-generation.processor';
import { RunMediaStepProcessor } from './modules/media/jobs/run-media-step.processor';
import { RunTranscriptionStepProcessor } from './modules/media/jobs/run-transcription-step.processor';
import { MediaModule } from './modules/media/media.module';
import { StoriesModule } from './modules/stories/stories.module';
import { DeliverPingProcessor } from './modules/system/jobs/deliver-ping.processor';
import { SystemModule } from './modules/system/system.module';

/** The worker process: the same feature modules plus the queue processors. */
@Module({
  imports: [CoreModule, AuthModule, SystemModule, GenerationModule, GameModule, StoriesModule, MediaModule, ConversationModule],
  providers: [
    DeliverPingProcessor,
    RunGenerationProcessor,
    RunFlowProcessor,
    RunMediaStepProcessor,
    RunTranscriptionStepProcessor,
    tunedProcessors([
      { processor: DeliverPingProcessor, queue: QUEUE_NAMES.system },
      // A step whose worker died is handed back once more before it is given up on; the retry starts it over.
      { processor: RunGenerationProcessor, queue: QUEUE_NAMES.generation, maxStalledCount: 2 },
      // Planning is quick; a flow mostly sleeps in waiting-children while its steps run.
      { processor: RunFlowProcessor, queue: QUEUE_NAMES.flow, maxStalledCount: 2 },
      // Pictures and narration: what a killed worker finished stays; the retry goes on from the next part.
      { processor: RunMediaStepProcessor, queue: QUEUE_NAMES.media, maxStalledCount: 2 },
      // A recording is sent again from the start; nothing is stored until the transcript is final.
      { processor: RunTranscriptionStepProcessor, queue: QUEUE_NAMES.transcription, maxStalledCount: 2 },
    ]),
  ],
})
export class WorkerModule {}
