import type { SystemPrompt } from '@storyos/contracts';
import type { SystemPromptEntity } from './system-prompt.entity';

/** Needs `createdBy` loaded when `createdById` is set. */
export function toSystemPromptContract(entity: SystemPromptEntity): SystemPrompt {
  return {
    id: entity.id,
    kind: entity.kind,
    version: entity.version,
    content: entity.content,
    note: entity.note,
    isActive: entity.isActive,
    createdBy: entity.createdBy ? { id: entity.createdBy.id, displayName: entity.createdBy.displayName } : null,
    createdAt: entity.createdAt.toISOString(),
  };
}
