import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SystemPromptKindSchema } from '@storyos/contracts';
import { DEFAULT_SYSTEM_PROMPTS } from '@storyos/domain';
import type { Repository } from 'typeorm';
import { ScenarioEntity } from '../../../modules/game/scenarios/scenario.entity';
import { SystemPromptEntity } from '../../../modules/game/system-prompts/system-prompt.entity';
import { DEMO_SCENARIOS } from './demo-scenarios';

/** The game's shipped content. Idempotent: what exists (even if an admin changed it) is left alone. */
@Injectable()
export class GameSeed {
  constructor(
    @InjectRepository(ScenarioEntity) private readonly scenarios: Repository<ScenarioEntity>,
    @InjectRepository(SystemPromptEntity) private readonly prompts: Repository<SystemPromptEntity>,
  ) {}

  async run(): Promise<void> {
    for (const { seedKey, ...fields } of DEMO_SCENARIOS) {
      // Authored by StoryOS itself (no author row), public from the start.
      await this.scenarios.createQueryBuilder().insert().values({ ...fields, seedKey, authorId: null, visibility: 'public', version: 1 }).orIgnore().execute();
    }
    for (const kind of SystemPromptKindSchema.options) {
      if (await this.prompts.existsBy({ kind })) continue;
      await this.prompts
        .createQueryBuilder()
        .insert()
        .values({ kind, version: 1, content: DEFAULT_SYSTEM_PROMPTS[kind], note: 'Shipped with StoryOS', isActive: true, createdById: null })
        .orIgnore()
        .execute();
    }
  }
}
