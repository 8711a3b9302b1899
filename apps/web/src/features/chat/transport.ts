import type { ChatMessageMetadata, ChatVisibility, Suggestion } from '@storyos/contracts';
import { DefaultChatTransport, type UIMessage } from 'ai';
import { authorizedFetch } from '../../lib/authorized-fetch';

/** The data parts the reply stream carries for the artifact (all transient). */
export interface ChatDataTypes {
  [key: string]: unknown;
  id: string;
  title: string;
  kind: string;
  clear: null;
  textDelta: string;
  suggestion: Suggestion;
  finish: null;
  notice: { message: string };
}

export type ChatUIMessage = UIMessage<ChatMessageMetadata, ChatDataTypes>;

export interface ChatChoices {
  selectedChatModel: string;
  selectedVisibilityType: ChatVisibility;
}

/**
 * The AI SDK's transport pointed at our API: only the newest message
 * travels (the server keeps the chat), with the model and visibility the
 * sender passes as the request's body (`ChatChoices`).
 */
export function createChatTransport(): DefaultChatTransport<ChatUIMessage> {
  return new DefaultChatTransport<ChatUIMessage>({
    api: '/api/chat',
    fetch: authorizedFetch,
    prepareSendMessagesRequest: ({ id, messages, body }) => ({ body: { id, message: messages.at(-1), ...body } }),
  });
}
