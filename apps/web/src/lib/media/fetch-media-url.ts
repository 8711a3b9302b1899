import type { MediaPart } from '@storyos/contracts';
import { authorizedFetch } from '../authorized-fetch';
import { mediaUrl } from './media-job';

/** A part's bytes, fetched with the access token (an <audio> cannot send it), as a blob URL the caller revokes. */
export async function fetchMediaObjectUrl(part: Pick<MediaPart, 'mediaId'>): Promise<string> {
  const response = await authorizedFetch(mediaUrl(part.mediaId));
  return URL.createObjectURL(await response.blob());
}
