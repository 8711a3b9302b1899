import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimePublisherModule } from '../../core/realtime/realtime-publisher.module';
import { GenerationModule } from '../generation/generation.module';
import { GenerationHandlers } from '../generation/handlers/generation-handlers';
import { SceneMediaController } from './scene-media/scene-media.controller';
import { SceneMediaEntity } from './scene-media/scene-media.entity';
import { SceneMediaHandler } from './scene-media/scene-media.handler';
import { SceneMediaService } from './scene-media/scene-media.service';
import { ScenarioEntity } from './scenarios/scenario.entity';
import { ScenariosController } from './scenarios/scenarios.controller';
import { ScenariosService } from './scenarios/scenarios.service';
import { GameMessageEntity } from './sessions/game-message.entity';
import { GameSessionEntity } from './sessions/game-session.entity';
import { GameSessionsController } from './sessions/game-sessions.controller';
import { GameSessionsService } from './sessions/game-sessions.service';
import { OwnedSessions } from './sessions/owned-sessions';
import { SystemPromptEntity } from './system-prompts/system-prompt.entity';
import { SystemPromptsController } from './system-prompts/system-prompts.controller';
import { SystemPromptsService } from './system-prompts/system-prompts.service';
import { GameTurnsController } from './turns/game-turns.controller';
import { GameTurnsService } from './turns/game-turns.service';
import { GameUndoService } from './turns/game-undo.service';
import { NarratorReplyHandler } from './turns/narrator-reply.handler';
import { GameNotesService } from './story-cards/game-notes.service';
import { StoryCardEntity } from './story-cards/story-card.entity';
import { StoryCardsController } from './story-cards/story-cards.controller';
import { StoryCardsService } from './story-cards/story-cards.service';
import { GameEditsService } from './turns/game-edits.service';
import { GameSwipesService } from './turns/game-swipes.service';
import { StateSnapshotEntity } from './world-state/state-snapshot.entity';
import { WorldStateFollowUp } from './world-state/world-state-follow-up';
import { WorldStateHandler } from './world-state/world-state.handler';

/** Scenarios, game sessions and their turns (with alternatives and edits), the world each story keeps, each game's memory and story cards, pictures and narration of its scenes, and the narrator's system prompts. */
@Module({
  imports: [TypeOrmModule.forFeature([ScenarioEntity, GameSessionEntity, GameMessageEntity, StateSnapshotEntity, SystemPromptEntity, StoryCardEntity, SceneMediaEntity]), GenerationModule, RealtimePublisherModule],
  controllers: [ScenariosController, GameSessionsController, GameTurnsController, StoryCardsController, SystemPromptsController, SceneMediaController],
  providers: [
    ScenariosService,
    OwnedSessions,
    GameSessionsService,
    GameTurnsService,
    GameUndoService,
    GameSwipesService,
    GameEditsService,
    GameNotesService,
    StoryCardsService,
    SystemPromptsService,
    NarratorReplyHandler,
    WorldStateFollowUp,
    WorldStateHandler,
    SceneMediaService,
    SceneMediaHandler,
  ],
})
export class GameModule implements OnModuleInit {
  constructor(
    private readonly handlers: GenerationHandlers,
    private readonly narrator: NarratorReplyHandler,
    private readonly worldState: WorldStateHandler,
    private readonly sceneMedia: SceneMediaHandler,
  ) {}

  onModuleInit(): void {
    this.handlers.register('game.opening', this.narrator);
    this.handlers.register('game.turn', this.narrator);
    this.handlers.register('game.continue', this.narrator);
    this.handlers.register('game.world-state', this.worldState);
    this.handlers.register('game.illustration', this.sceneMedia);
    this.handlers.register('game.narration', this.sceneMedia);
  }
}
