import { useQuery } from '@tanstack/react-query';
import { useSocketConnected } from '../../../lib/use-socket-connected';
import { storyQuery } from '../queries';
import { useIllustratedStoryEvents } from './use-illustrated-story-events';

/** One story, live: socket pushes while connected, polling while not. */
export function useIllustratedStory(storyId: string, enabled = true) {
  useIllustratedStoryEvents();
  const connected = useSocketConnected();
  return useQuery({ ...storyQuery(storyId, !connected), enabled });
}
