import type { ArtifactKind, Page, Story, StoryArtifact, StoryBible, StoryJob, StorySummary } from '@storyos/contracts';
import { keepPreviousData, type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type PhaseRoute, storiesApi } from './api';
import { storyKeys } from './keys';

export { storyKeys };

const JOB_POLL_MS = 5_000;
const isJobActive = (job: StoryJob | null | undefined) => job?.status === 'queued' || job?.status === 'running';

export const storyQueries = {
  list: (page: number, pageSize: number) =>
    queryOptions({
      queryKey: storyKeys.list(page, pageSize),
      queryFn: () => storiesApi.list(page, pageSize),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: storyKeys.detail(id),
      queryFn: () => storiesApi.get(id),
      // The socket reports job progress; a slow poll covers a connection that drops events.
      refetchInterval: (query) => (isJobActive(query.state.data?.job) ? JOB_POLL_MS : false),
    }),
  versions: (id: string, kind: ArtifactKind) =>
    queryOptions({ queryKey: storyKeys.versionsOf(id, kind), queryFn: () => storiesApi.versions(id, kind) }),
  cacheStats: () => queryOptions({ queryKey: storyKeys.cacheStats(), queryFn: storiesApi.cacheStats }),
};

/** Keeps a story's latest whole-story job current from a 'story:job' event or a response. */
export function setStoryJob(queryClient: QueryClient, job: StoryJob): void {
  queryClient.setQueryData<Story>(storyKeys.detail(job.storyId), (old) => {
    if (!old) return old;
    // Events can arrive out of order; an older job or a lower progress of the same job is stale.
    const same = old.job?.id === job.id ? old.job : null;
    if (same && isJobActive(job) && (!isJobActive(same) || job.progress < same.progress)) return old;
    return { ...old, job };
  });
}

export function setActiveGeneration(queryClient: QueryClient, storyId: string, generationId: string, phase: PhaseRoute, chapterIndex: number | null = null): void {
  queryClient.setQueryData<Story>(storyKeys.detail(storyId), (old) =>
    old ? { ...old, activeGenerationId: generationId, activePhase: phase, activeChapterIndex: phase === 'chapter' ? chapterIndex : null } : old,
  );
}

/** The bible was saved (or the server's is taken): the story shows it at once. */
export function setStoryBible(queryClient: QueryClient, storyId: string, bible: StoryBible): void {
  queryClient.setQueryData<Story>(storyKeys.detail(storyId), (old) => (old ? { ...old, bible } : old));
}

/** A hand edit was saved: the story shows it at once without another read. */
export function setCurrentArtifact(queryClient: QueryClient, storyId: string, artifact: StoryArtifact): void {
  queryClient.setQueryData<Story>(storyKeys.detail(storyId), (old) => (old ? { ...old, [artifact.kind]: artifact } : old));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A generation ended: the story is read again until it no longer reports that
 * generation as running (the final text is committed a moment after the
 * stream's end), then versions and lists follow.
 */
export async function settleStoryGeneration(queryClient: QueryClient, storyId: string, generationId: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await queryClient.invalidateQueries({ queryKey: storyKeys.detail(storyId), exact: true });
    const story = queryClient.getQueryData<Story>(storyKeys.detail(storyId));
    if (!story || story.activeGenerationId !== generationId) break;
    await sleep(300 * (attempt + 1));
  }
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: storyKeys.versions(storyId) }),
    queryClient.invalidateQueries({ queryKey: storyKeys.lists() }),
  ]);
}

export function useCreateStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: storiesApi.create,
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(story.id), story);
      return queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
    },
  });
}

export function useUpdateStoryMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof storiesApi.update>[1]) => storiesApi.update(id, body),
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(id), story);
      return queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
    },
  });
}

export function useDeleteStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: storiesApi.remove,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: storyKeys.detail(id) });
      queryClient.setQueriesData<Page<StorySummary>>({ queryKey: storyKeys.lists() }, (page) =>
        page ? { ...page, items: page.items.filter((item) => item.id !== id), total: Math.max(0, page.total - 1) } : page,
      );
      return queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
    },
  });
}

export function useDuplicateStoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: storiesApi.duplicate,
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(story.id), story);
      return queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
    },
  });
}

/** Generate or regenerate a phase (or one chapter again): a generation to follow, or the cached answer at once. */
export function useStartPhaseMutation(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ phase, regenerate, chapterIndex }: { phase: PhaseRoute; regenerate: boolean; chapterIndex?: number }) =>
      phase === 'chapter' ? storiesApi.writeChapterAgain(storyId, chapterIndex ?? 0) : storiesApi.startPhase(storyId, phase, regenerate),
    onSuccess: async (response, { phase, chapterIndex }) => {
      if (response.generationId) {
        setActiveGeneration(queryClient, storyId, response.generationId, phase, chapterIndex ?? null);
        return;
      }
      if (response.artifact) setCurrentArtifact(queryClient, storyId, response.artifact);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: storyKeys.detail(storyId), exact: true }),
        queryClient.invalidateQueries({ queryKey: storyKeys.versions(storyId) }),
        queryClient.invalidateQueries({ queryKey: storyKeys.lists() }),
      ]);
    },
  });
}

export function useMakeCurrentMutation(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => storiesApi.makeCurrent(storyId, versionId),
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(storyId), story);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: storyKeys.versions(storyId) }),
        queryClient.invalidateQueries({ queryKey: storyKeys.lists() }),
      ]);
    },
  });
}

export function useWriteWholeStoryMutation(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => storiesApi.writeWhole(storyId),
    onSuccess: (job) => setStoryJob(queryClient, job),
  });
}

export function useCancelJobMutation(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => storiesApi.cancelJob(storyId, jobId),
    onSuccess: (job) => {
      if (job && typeof job === 'object' && 'status' in job) setStoryJob(queryClient, job);
      return queryClient.invalidateQueries({ queryKey: storyKeys.detail(storyId), exact: true });
    },
  });
}

export function useClearStoryCacheMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: storiesApi.clearCache,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storyKeys.cacheStats() }),
  });
}

export function useSaveBibleMutation(storyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof storiesApi.saveBible>[1]) => storiesApi.saveBible(storyId, body),
    onSuccess: (bible) => setStoryBible(queryClient, storyId, bible),
  });
}
