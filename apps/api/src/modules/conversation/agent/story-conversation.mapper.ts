import { isTerminalStatus, type ConversationMessage, type ConversationRequirementsState, type StoryConversation, type StoryRequirements } from '@storyos/contracts';
import { isReadyToCreate, missingRequirementFields } from '@storyos/domain';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import type { StoryConversationMessageEntity } from './story-conversation-message.entity';
import type { StoryConversationEntity } from './story-conversation.entity';

const TITLE_FROM_PLOT_CHARS = 60;

export function toRequirementsState(conversation: StoryConversationEntity): ConversationRequirementsState {
  return {
    conversationId: conversation.id,
    requirements: conversation.requirements,
    version: conversation.version,
    ready: isReadyToCreate(conversation.requirements),
    missing: missingRequirementFields(conversation.requirements),
  };
}

/** The requirements' title, else the start of the plot, else "New story". */
export function conversationTitle(requirements: StoryRequirements): string {
  if (requirements.title) return requirements.title;
  const plot = requirements.plot?.replace(/\s+/g, ' ').trim();
  if (!plot) return 'New story';
  return plot.length > TITLE_FROM_PLOT_CHARS ? `${plot.slice(0, TITLE_FROM_PLOT_CHARS - 1)}…` : plot;
}

export function toConversationMessage(message: StoryConversationMessageEntity, generation: GenerationEntity | undefined): ConversationMessage {
  const status = generation?.status ?? 'completed';
  return {
    id: message.id,
    role: message.role,
    // While a reply is written, its text so far lives on the generation (and its stream).
    text: generation && !isTerminalStatus(generation.status) ? generation.text : message.text,
    generationId: message.generationId,
    status,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toStoryConversation(
  conversation: StoryConversationEntity,
  messages: readonly StoryConversationMessageEntity[],
  generations: ReadonlyMap<string, GenerationEntity>,
  storyIds: string[],
): StoryConversation {
  const reply = conversation.replyGenerationId ? generations.get(conversation.replyGenerationId) : undefined;
  return {
    ...toRequirementsState(conversation),
    id: conversation.id,
    title: conversationTitle(conversation.requirements),
    messages: messages.map((message) => toConversationMessage(message, message.generationId ? generations.get(message.generationId) : undefined)),
    replyGenerationId: reply && !isTerminalStatus(reply.status) ? reply.id : null,
    storyIds,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
  };
}
