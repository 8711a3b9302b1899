import type { IllustratedStory } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../../lib/use-socket-event';
import { createKeys } from '../keys';

/** Pushed stories land in the query cache: the progress page, the reader and the library all see them. */
export function useIllustratedStoryEvents(): void {
  const queryClient = useQueryClient();
  useSocketEvent('illustrated-story:updated', (story: IllustratedStory) => {
    queryClient.setQueryData(createKeys.story(story.storyId), story);
    void queryClient.invalidateQueries({ queryKey: createKeys.storyList() });
  });
}
