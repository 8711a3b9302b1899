/** Hierarchical query keys of the Create area: invalidating a prefix refreshes everything under it. */
export const createKeys = {
  conversations: ['create', 'conversations'] as const,
  history: (limit: number) => [...createKeys.conversations, 'history', limit] as const,
  conversation: (id: string) => [...createKeys.conversations, 'detail', id] as const,
  stories: ['create', 'stories'] as const,
  storyList: () => [...createKeys.stories, 'list'] as const,
  story: (id: string) => [...createKeys.stories, 'detail', id] as const,
};
