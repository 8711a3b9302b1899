/** Hierarchical query keys of the Play area: invalidating a prefix refreshes everything under it. */
export const playKeys = {
  all: ['play'] as const,
  sessions: () => [...playKeys.all, 'sessions'] as const,
  sessionLists: () => [...playKeys.sessions(), 'list'] as const,
  sessionList: (page: number, pageSize: number) => [...playKeys.sessionLists(), { page, pageSize }] as const,
  session: (id: string) => [...playKeys.sessions(), 'detail', id] as const,
  /** A game's scene pictures and narration. */
  sceneMedia: (id: string) => [...playKeys.all, 'scene-media', id] as const,
  generation: (id: string) => [...playKeys.all, 'generation', id] as const,
  provider: () => [...playKeys.all, 'provider'] as const,
};
