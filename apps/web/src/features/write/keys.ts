import type { ArtifactKind } from '@storyos/contracts';

/** Hierarchical query keys of the Write area: invalidating a prefix refreshes everything under it. */
export const storyKeys = {
  all: ['stories'] as const,
  lists: () => [...storyKeys.all, 'list'] as const,
  list: (page: number, pageSize: number) => [...storyKeys.lists(), { page, pageSize }] as const,
  details: () => [...storyKeys.all, 'detail'] as const,
  detail: (id: string) => [...storyKeys.details(), id] as const,
  versions: (id: string) => [...storyKeys.detail(id), 'versions'] as const,
  versionsOf: (id: string, kind: ArtifactKind) => [...storyKeys.versions(id), kind] as const,
  /** Chapter pictures and narration: apart from the story's detail, which the socket refreshes often. */
  chapterMedia: (id: string) => [...storyKeys.all, 'chapter-media', id] as const,
  cacheStats: () => [...storyKeys.all, 'cache-stats'] as const,
};
