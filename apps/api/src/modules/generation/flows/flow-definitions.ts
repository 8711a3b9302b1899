import { Injectable } from '@nestjs/common';
import type { FlowKind } from '@storyos/contracts';
import type { FlowDefinition } from './flow-definition';

/** Feature modules register the flows they own at start-up (onModuleInit), as they do generation handlers. */
@Injectable()
export class FlowDefinitions {
  private readonly definitions = new Map<FlowKind, FlowDefinition>();

  register(kind: FlowKind, definition: FlowDefinition): void {
    if (this.definitions.has(kind)) throw new Error(`A flow definition for ${kind} is already registered`);
    this.definitions.set(kind, definition);
  }

  get(kind: FlowKind): FlowDefinition {
    const definition = this.definitions.get(kind);
    if (!definition) throw new Error(`No flow definition is registered for ${kind}`);
    return definition;
  }
}
