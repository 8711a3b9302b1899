import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimePublisherModule } from '../../core/realtime/realtime-publisher.module';
import { AuthModule } from '../auth/auth.module';
import { GenerationModule } from '../generation/generation.module';
import { MediaModule } from '../media/media.module';
import { FlowDefinitions } from '../generation/flows/flow-definitions';
import { GenerationHandlers } from '../generation/handlers/generation-handlers';
import { StoryArtifacts } from './artifacts/story-artifacts';
import { StoryVersionsController } from './artifacts/story-versions.controller';
import { StoryVersionsService } from './artifacts/story-versions.service';
import { StoryCacheController } from './cache/story-cache.controller';
import { StoryResultCache } from './cache/story-result-cache';
import { StoryArtifactEntity } from './entities/story-artifact.entity';
import { StoryEntity } from './entities/story.entity';
import { StoryExportController } from './export/story-export.controller';
import { StoryExportService } from './export/story-export.service';
import { StoryJobsController } from './jobs/story-jobs.controller';
import { StoryJobsService } from './jobs/story-jobs.service';
import { WHOLE_STORY_STEP_KINDS } from './jobs/whole-story-state';
import { WholeStoryStepHandler } from './jobs/whole-story-step.handler';
import { WholeStoryFlow } from './jobs/whole-story.flow';
import { IllustratedEndings } from './illustrated/illustrated-endings';
import { IllustratedPublisher } from './illustrated/illustrated-publisher';
import { IllustratedSceneEntity } from './illustrated/illustrated-scene.entity';
import { IllustratedStoriesController } from './illustrated/illustrated-stories.controller';
import { IllustratedStoriesService } from './illustrated/illustrated-stories.service';
import { IllustratedStoryControl } from './illustrated/illustrated-story-control.service';
import { ILLUSTRATED_FLOW } from './illustrated/illustrated-story-flow-state';
import { IllustratedStoryViews } from './illustrated/illustrated-story-views';
import { IllustratedStoryEntity } from './illustrated/illustrated-story.entity';
import { IllustratedStoryFlow } from './illustrated/illustrated-story.flow';
import { SceneAudio } from './illustrated/scene-audio';
import { SceneAudioController } from './illustrated/scene-audio.controller';
import { SceneMediaHandler } from './illustrated/scene-media.handler';
import { SceneTextHandler } from './illustrated/scene-text.handler';
import { IllustratedEpubController } from './illustrated-export/illustrated-epub.controller';
import { IllustratedEpubExport } from './illustrated-export/illustrated-epub.service';
import { StoryChapterMediaController } from './media/story-chapter-media.controller';
import { StoryChapterMediaEntity } from './media/story-chapter-media.entity';
import { StoryChapterMediaHandler } from './media/story-chapter-media.handler';
import { StoryChapterMediaService } from './media/story-chapter-media.service';
import { OwnedStories } from './owned-stories';
import { StoryPhaseHandler } from './phases/story-phase.handler';
import { StoryPhasesController } from './phases/story-phases.controller';
import { PHASE_KINDS, StoryPhasesService } from './phases/story-phases.service';
import { StoriesController } from './stories.controller';
import { StoriesService } from './stories.service';

/**
 * The Writer: story projects, the premise → outline → start → continue
 * phases through the generation pipeline, versions and hand edits, the
 * result cache, "write the whole story" (a flow of generations), and export.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([StoryEntity, StoryArtifactEntity, StoryChapterMediaEntity, IllustratedStoryEntity, IllustratedSceneEntity]),
    AuthModule,
    GenerationModule,
    MediaModule,
    RealtimePublisherModule,
  ],
  controllers: [
    StoriesController,
    StoryPhasesController,
    StoryVersionsController,
    StoryJobsController,
    StoryExportController,
    StoryCacheController,
    StoryChapterMediaController,
    IllustratedStoriesController,
    SceneAudioController,
    IllustratedEpubController,
  ],
  providers: [
    OwnedStories,
    StoryArtifacts,
    StoriesService,
    StoryVersionsService,
    StoryPhasesService,
    StoryPhaseHandler,
    StoryResultCache,
    StoryJobsService,
    WholeStoryFlow,
    WholeStoryStepHandler,
    StoryExportService,
    StoryChapterMediaService,
    StoryChapterMediaHandler,
    // Create (seed 002): illustrated, narrated stories.
    IllustratedStoriesService,
    IllustratedStoryControl,
    IllustratedStoryViews,
    IllustratedPublisher,
    IllustratedEndings,
    IllustratedStoryFlow,
    SceneTextHandler,
    SceneMediaHandler,
    SceneAudio,
    IllustratedEpubExport,
  ],
})
export class StoriesModule implements OnModuleInit {
  constructor(
    private readonly handlers: GenerationHandlers,
    private readonly flows: FlowDefinitions,
    private readonly phaseHandler: StoryPhaseHandler,
    private readonly stepHandler: WholeStoryStepHandler,
    private readonly wholeStory: WholeStoryFlow,
    private readonly chapterMedia: StoryChapterMediaHandler,
    private readonly illustrated: IllustratedStoryFlow,
    private readonly sceneText: SceneTextHandler,
    private readonly sceneMedia: SceneMediaHandler,
  ) {}

  onModuleInit(): void {
    for (const kind of Object.values(PHASE_KINDS)) this.handlers.register(kind, this.phaseHandler);
    for (const kind of WHOLE_STORY_STEP_KINDS) this.handlers.register(kind, this.stepHandler);
    this.flows.register('story.whole', this.wholeStory);
    this.handlers.register('story.illustration', this.chapterMedia);
    this.handlers.register('story.narration', this.chapterMedia);
    this.flows.register(ILLUSTRATED_FLOW, this.illustrated);
    this.handlers.register('create.scene', this.sceneText);
    this.handlers.register('create.scene.picture', this.sceneMedia);
    this.handlers.register('create.scene.narration', this.sceneMedia);
  }
}
