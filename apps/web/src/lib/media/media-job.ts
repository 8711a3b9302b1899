import type { GenerationStatus, MediaPart } from '@storyos/contracts';

/**
 * A picture or narration being made or made: a media step of the pipeline,
 * as any feature's media route answers (a Writer chapter's, a game scene's).
 */
export interface MediaJob {
  generationId: string;
  status: GenerationStatus;
  /** The picture, or the narration's pieces in order; grows while the step runs. */
  parts: MediaPart[];
  error: string | null;
}

/** Where a part's bytes are fetched (with the bearer token). */
export const mediaUrl = (mediaId: string): string => `/api/media/${mediaId}`;

/** Done making: no more parts will come. */
export const isSettled = (job: Pick<MediaJob, 'status'>): boolean => job.status === 'completed' || job.status === 'stopped' || job.status === 'failed';

/** A job worth reusing rather than asking for again. */
export const isUsable = (job: Pick<MediaJob, 'status'> | null | undefined): boolean => Boolean(job && job.status !== 'failed' && job.status !== 'stopped');
