import type { ConversationRequirementsEvent, StoryConversation } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../../lib/use-socket-event';
import { createKeys } from '../keys';

/** The requirements after every turn and hand edit, pushed by the server, land in the conversation's cache entry. */
export function useConversationEvents(): void {
  const queryClient = useQueryClient();
  useSocketEvent('conversation:requirements', (event: ConversationRequirementsEvent) => {
    queryClient.setQueryData<StoryConversation>(createKeys.conversation(event.conversationId), (current) =>
      current && current.version <= event.version ? { ...current, requirements: event.requirements, version: event.version, ready: event.ready, missing: event.missing } : current,
    );
    void queryClient.invalidateQueries({ queryKey: [...createKeys.conversations, 'history'] });
  });
}
