/** React Query keys of the chat area, hierarchical so one prefix invalidates a family. */
export const chatKeys = {
  all: ['chat'] as const,
  history: () => [...chatKeys.all, 'history'] as const,
  detail: (id: string) => [...chatKeys.all, 'detail', id] as const,
  votes: (id: string) => [...chatKeys.all, 'votes', id] as const,
  allowance: () => [...chatKeys.all, 'allowance'] as const,
  models: () => ['models'] as const,
  document: (id: string) => [...chatKeys.all, 'document', id] as const,
  suggestions: (documentId: string) => [...chatKeys.all, 'suggestions', documentId] as const,
};
