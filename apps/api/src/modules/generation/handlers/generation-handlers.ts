import { Injectable } from '@nestjs/common';
import type { GenerationKind } from '@storyos/contracts';
import type { GenerationHandler } from './generation-handler';

/** Feature modules register their handlers at start-up (onModuleInit). */
@Injectable()
export class GenerationHandlers {
  private readonly handlers = new Map<GenerationKind, GenerationHandler>();

  register(kind: GenerationKind, handler: GenerationHandler): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for ${kind} is already registered`);
    this.handlers.set(kind, handler);
  }

  get(kind: GenerationKind): GenerationHandler {
    const handler = this.find(kind);
    if (!handler) throw new Error(`No handler is registered for generation kind ${kind}`);
    return handler;
  }

  /** The kind's handler, or undefined when none is registered. */
  find(kind: GenerationKind): GenerationHandler | undefined {
    return this.handlers.get(kind);
  }
}
