import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUE_NAMES } from '@storyos/contracts';
import { RealtimePublisherModule } from '../../core/realtime/realtime-publisher.module';
import { AuthModule } from '../auth/auth.module';
import { GenerationModule } from '../generation/generation.module';
import { GenerationHandlers } from '../generation/handlers/generation-handlers';
import { StoryArtifacts } from './artifacts/story-artifacts';
import { StoryVersionsController } from './artifacts/story-versions.controller';
import { StoryVersionsService } from './artifacts/story-versions.service';
import { StoryCacheController } from './cache/story-cache.controller';
import { StoryResultCache } from './cache/story-result-cache';
import { StoryArtifactEntity } from './entities/story-artifact.entity';
import { StoryJobEntity } from './entities/story-job.entity';
import { StoryEntity } from './entities/story.entity';
import { StoryExportController } from './export/story-export.controller';
import { StoryExportService } from './export/story-export.service';
import { StoryJobProgress } from './jobs/story-job-progress';
import { StoryJobsController } from './jobs/story-jobs.controller';
import { StoryJobsService } from './jobs/story-jobs.service';
import { WholeStoryWriter } from './jobs/whole-story-writer';
import { OwnedStories } from './owned-stories';
import { StoryPhaseHandler } from './phases/story-phase.handler';
import { StoryPhasesController } from './phases/story-phases.controller';
import { PHASE_KINDS, StoryPhasesService } from './phases/story-phases.service';
import { StoriesController } from './stories.controller';
import { StoriesService } from './stories.service';

/**
 * The Writer: story projects, the premise → outline → start → continue
 * phases through the generation pipeline, versions and hand edits, the
 * result cache, "write the whole story" jobs, and export.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([StoryEntity, StoryArtifactEntity, StoryJobEntity]),
    BullModule.registerQueue({ name: QUEUE_NAMES.story }),
    AuthModule,
    GenerationModule,
    RealtimePublisherModule,
  ],
  controllers: [StoriesController, StoryPhasesController, StoryVersionsController, StoryJobsController, StoryExportController, StoryCacheController],
  providers: [
    OwnedStories,
    StoryArtifacts,
    StoriesService,
    StoryVersionsService,
    StoryPhasesService,
    StoryPhaseHandler,
    StoryResultCache,
    StoryJobsService,
    StoryJobProgress,
    WholeStoryWriter,
    StoryExportService,
  ],
  // The worker module adds WriteWholeStoryProcessor, which needs these.
  exports: [WholeStoryWriter, StoryJobProgress, GenerationModule],
})
export class StoriesModule implements OnModuleInit {
  constructor(
    private readonly handlers: GenerationHandlers,
    private readonly phaseHandler: StoryPhaseHandler,
  ) {}

  onModuleInit(): void {
    for (const kind of Object.values(PHASE_KINDS)) this.handlers.register(kind, this.phaseHandler);
  }
}
