import type { ChatMessageMetadata, ChatVisibility, Suggestion } from '@storyos/contracts';
import { DefaultChatTransport, type UIMessage } from 'ai';
import { ApiError } from '../../lib/api-error';
import { refreshSession } from '../../lib/http';
import { sessionStore } from '../../lib/session-store';

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

const withToken = (init: RequestInit | undefined, token: string | null): RequestInit => {
  const headers = new Headers(init?.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
};

/**
 * fetch with the access token, refreshed once on 401 like every other call;
 * a refusal becomes an ApiError, so the chat shows the server's plain words
 * (the daily limit, a read-only chat) rather than a JSON body.
 */
export const authorizedFetch: typeof fetch = async (input, init) => {
  const token = sessionStore.getAccessToken();
  let response = await fetch(input, withToken(init, token));
  if (response.status === 401 && token) {
    const fresh = (await refreshSession())?.accessToken;
    if (fresh) response = await fetch(input, withToken(init, fresh));
  }
  if (response.ok || response.status === 204) return response;
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's page: ApiError words it.
  }
  throw ApiError.fromBody(response.status, body);
};

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
