import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { GenerationHandler, MediaStepPlan } from '../../generation/handlers/generation-handler';
import { StoryConversationMessageEntity } from './story-conversation-message.entity';

/** create.agent.narration: one of the agent's replies read aloud, piece by piece; the parts stay on the step. */
@Injectable()
export class AgentNarrationHandler implements GenerationHandler {
  constructor(private readonly dataSource: DataSource) {}

  async buildMedia(generation: GenerationEntity): Promise<MediaStepPlan> {
    const { messageId } = generation.input as { messageId?: string };
    const message = messageId ? await this.dataSource.manager.findOneBy(StoryConversationMessageEntity, { id: messageId, conversationId: generation.targetId }) : null;
    if (!message?.text.trim()) throw new UnrecoverableError(`Generation ${generation.id} lost its message`);
    return { type: 'narration', text: message.text };
  }

  /** Nothing to store beyond the parts the step recorded on itself. */
  async onFinished(): Promise<void> {}
}
