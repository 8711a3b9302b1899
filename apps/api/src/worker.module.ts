import { Module } from '@nestjs/common';
import { CoreModule } from './core/core.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConversationModule } from './modules/conversation/conversation.module';
import { GameModule } from './modules/game/game.module';
import { GenerationModule } from './modules/generation/generation.module';
import { MediaModule } from './modules/media/media.module';
import { RunGenerationProcessor } from './modules/generation/jobs/run-generation.processor';
import { WriteWholeStoryProcessor } from './modules/stories/jobs/write-whole-story.processor';
import { StoriesModule } from './modules/stories/stories.module';
import { DeliverPingProcessor } from './modules/system/jobs/deliver-ping.processor';
import { SystemModule } from './modules/system/system.module';

/** The worker process: the same feature modules plus the queue processors. */
@Module({
  imports: [CoreModule, AuthModule, SystemModule, GenerationModule, GameModule, StoriesModule, MediaModule, ConversationModule],
  providers: [DeliverPingProcessor, RunGenerationProcessor, WriteWholeStoryProcessor],
})
export class WorkerModule {}
