import { Injectable } from '@nestjs/common';
import type { ConversationRequirementsState, GenerationTarget } from '@storyos/contracts';
import { RealtimePublisher } from '../../../core/realtime/realtime-publisher.service';

export const conversationTarget = (conversationId: string): GenerationTarget => ({ type: 'story-conversation', id: conversationId });

/** Pushes `conversation:requirements` to the owner's room once a change is committed (from the API or a worker). */
@Injectable()
export class RequirementsPublisher {
  constructor(private readonly realtime: RealtimePublisher) {}

  publish(ownerId: string, state: ConversationRequirementsState): void {
    this.realtime.toUser(ownerId, 'conversation:requirements', state);
  }
}
