import type { MediaCapabilities } from '@storyos/contracts';
import { queryOptions } from '@tanstack/react-query';
import { http } from '../http';

/** What this deployment can do with media (which providers); it changes only with the server's configuration. */
export const mediaCapabilitiesQuery = queryOptions({
  queryKey: ['media', 'capabilities'] as const,
  queryFn: () => http.get<MediaCapabilities>('/api/media/capabilities'),
  staleTime: Infinity,
});
