import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from '../../core/core.module';
import { AuthModule } from '../../modules/auth/auth.module';
import { ScenarioEntity } from '../../modules/game/scenarios/scenario.entity';
import { SystemPromptEntity } from '../../modules/game/system-prompts/system-prompt.entity';
import { GameSeed } from './game/game-seed';
import { SeedService } from './seed.service';

@Module({ imports: [CoreModule, AuthModule, TypeOrmModule.forFeature([ScenarioEntity, SystemPromptEntity])], providers: [SeedService, GameSeed] })
export class SeedModule {}
