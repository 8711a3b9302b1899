import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../../lib/use-socket-event';
import type { PhaseRoute } from '../api';
import { setActiveGeneration, setStoryJob, storyKeys } from '../queries';

const PHASE_OF_KIND: Record<string, PhaseRoute> = {
  'story.premise': 'premise',
  'story.outline': 'outline',
  'story.start': 'start',
  'story.continue': 'continue',
  'story.extend': 'extend',
  // The steps of "write the whole story" show live on the same pages; the story's own record then says start or continue.
  'story.whole.premise': 'premise',
  'story.whole.outline': 'outline',
  'story.whole.chapter': 'continue',
  'story.whole.extend': 'extend',
};

/**
 * Keeps an open story current from the socket: whole-story job progress and
 * generations started from any tab. A finished job brings new text, so the
 * story and its versions are read again.
 */
export function useStoryEvents(storyId: string): void {
  const queryClient = useQueryClient();
  useSocketEvent('story:job', (job) => {
    if (job.storyId !== storyId) return;
    setStoryJob(queryClient, job);
    // Each stage writes a version (premise, outline, chapters): show it as it lands, and all of it at the end.
    void queryClient.invalidateQueries({ queryKey: storyKeys.detail(storyId) });
    if (job.status !== 'queued' && job.status !== 'running') void queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
  });
  useSocketEvent('generation:started', (event) => {
    const phase = PHASE_OF_KIND[event.kind];
    if (event.target.type === 'story' && event.target.id === storyId && phase) {
      setActiveGeneration(queryClient, storyId, event.generationId, phase);
    }
  });
}
