import type {
  ConversationHistory,
  ConversationMessageAccepted,
  ConversationNarrationAccepted,
  ConversationRequirementsState,
  IllustratedStory,
  IllustratedStoryAccepted,
  IllustratedStoryList,
  StoryConversation,
  StoryRequirements,
} from '@storyos/contracts';
import { http } from '../../lib/http';

const conversation = (id: string) => `/api/conversations/${id}`;
const story = (id: string) => `/api/illustrated-stories/${id}`;

/** The Create area's calls: the requirements agent's conversations and the illustrated stories made from them. */
export const createApi = {
  startConversation: () => http.post<StoryConversation>('/api/conversations', {}),
  conversation: (id: string) => http.get<StoryConversation>(conversation(id)),
  history: (limit: number) => http.get<ConversationHistory>(`/api/conversations?limit=${limit}`),
  send: (id: string, text: string) => http.post<ConversationMessageAccepted>(`${conversation(id)}/messages`, { text }),
  narrate: (id: string, messageId: string) => http.post<ConversationNarrationAccepted>(`${conversation(id)}/messages/${messageId}/narration`, {}),
  saveRequirements: (id: string, requirements: StoryRequirements, baseVersion: number) =>
    http.patch<ConversationRequirementsState>(`${conversation(id)}/requirements`, { requirements, baseVersion }),

  makeStory: (conversationId: string) => http.post<IllustratedStoryAccepted>('/api/illustrated-stories', { conversationId }),
  stories: () => http.get<IllustratedStoryList>('/api/illustrated-stories'),
  story: (id: string) => http.get<IllustratedStory>(story(id)),
  stop: (id: string) => http.post<IllustratedStoryAccepted>(`${story(id)}/stop`, {}),
  retryScene: (id: string, sceneId: string) => http.post<IllustratedStoryAccepted>(`${story(id)}/scenes/${sceneId}/retry`, {}),
};
