import type { Story } from '@storyos/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type StreamStart, useGenerationStream } from '../../generation/use-generation-stream';
import type { PhaseRoute } from '../api';
import { settleStoryGeneration, useStartPhaseMutation } from '../queries';
import { useRevealedStream } from './use-revealed-stream';

/** A generation this page just started: the subscribe replay brings all of its text from the first entry. */
const FROM_THE_START: StreamStart = { text: '', lastSeq: 0 };

export interface PhaseFailure {
  generationId: string;
  message: string;
}

/**
 * Generates one step's text and follows it live: the stream hook shows the
 * words as they come; when it ends the story is read again and the new
 * version takes the editor's place. A cached answer comes back at once.
 */
export function usePhaseGeneration(story: Story, phases: readonly PhaseRoute[]) {
  const queryClient = useQueryClient();
  const start = useStartPhaseMutation(story.id);
  const [failure, setFailure] = useState<PhaseFailure | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);

  const mine = story.activePhase !== null && phases.includes(story.activePhase);
  const generationId = mine ? story.activeGenerationId : null;
  const stream = useGenerationStream(generationId, generationId ? FROM_THE_START : undefined, (id, outcome) => {
    if (outcome.status === 'failed') setFailure({ generationId: id, message: outcome.error ?? 'The story engine could not write this.' });
    if (outcome.status === 'stopped') setStopped(id);
    void settleStoryGeneration(queryClient, story.id, id);
  });

  const jobActive = story.job?.status === 'queued' || story.job?.status === 'running';
  /** Anything writing this story right now, here or in another step or tab. */
  const busy = story.activeGenerationId !== null || jobActive || start.isPending;
  const busyReason = jobActive
    ? 'The whole story is being written.'
    : story.activeGenerationId !== null
      ? 'Wait until the text being written is done.'
      : null;

  const run = (phase: PhaseRoute, regenerate: boolean, chapterIndex?: number) => {
    if (busy) return;
    setFailure(null);
    setStopped(null);
    start.mutate({ phase, regenerate, ...(chapterIndex !== undefined && { chapterIndex }) });
  };
  const revealed = useRevealedStream(stream, generationId !== null);

  return {
    /** Set while this step's text is being written (and until the story has the result). */
    generationId,
    stream,
    /** The live text at a reading pace; it stays on screen until all of it has been shown. */
    revealed,
    live: revealed.showing,
    busy,
    busyReason,
    run,
    starting: start.isPending,
    startError: start.error,
    /** The last answer came from the cache (no generation ran). */
    cached: start.data?.cached === true && start.isSuccess,
    failure,
    stoppedId: stopped,
  };
}
