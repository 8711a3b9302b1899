import type { Scenario } from '@storyos/contracts';
import type { ScenarioEntity } from './scenario.entity';

/** Who wrote the scenarios StoryOS ships itself. */
export const SYSTEM_AUTHOR = { id: '00000000-0000-0000-0000-000000000000', displayName: 'StoryOS' } as const;

/** Needs `author` loaded when `authorId` is set. */
export function toScenarioContract(entity: ScenarioEntity): Scenario {
  return {
    id: entity.id,
    name: entity.name,
    description: entity.description,
    setting: entity.setting,
    narratorBehavior: entity.narratorBehavior,
    playerName: entity.playerName,
    playerRole: entity.playerRole,
    initialLocation: entity.initialLocation,
    tone: entity.tone,
    contentRating: entity.contentRating,
    visibility: entity.visibility,
    author: entity.author ? { id: entity.author.id, displayName: entity.author.displayName } : { ...SYSTEM_AUTHOR },
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
