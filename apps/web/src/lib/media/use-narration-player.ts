import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchMediaObjectUrl } from './fetch-media-url';
import { isSettled, type MediaJob } from './media-job';
import { NarrationQueue, type NarrationSnapshot } from './narration-queue';

const IDLE: NarrationSnapshot = { state: 'idle', index: 0, known: 0, error: null };

export interface NarrationPlayer {
  /** Give it to the <audio> element the narration plays on (as its `ref`). */
  attachAudio: (element: HTMLAudioElement | null) => void;
  snapshot: NarrationSnapshot;
  /** Plays the narration `generationId` as soon as it is the job this player is given (at once if it already is). */
  playWhenReady: (generationId: string) => void;
  resume: () => void;
  pause: () => void;
  stop: () => void;
}

function feed(queue: NarrationQueue, job: MediaJob | null): void {
  if (!job) return;
  if (job.status === 'failed' && job.parts.length === 0) queue.fail(job.error ?? 'The narration could not be made.');
  else queue.update(job.parts, isSettled(job));
}

/**
 * Plays a narration job's pieces in order on one audio element, as they
 * arrive (see NarrationQueue). `job` is the live job (useMediaJob), so the
 * queue learns of each piece the moment the step stores it.
 */
export function useNarrationPlayer(job: MediaJob | null): NarrationPlayer {
  const [snapshot, setSnapshot] = useState<NarrationSnapshot>(IDLE);
  const queue = useRef<NarrationQueue | null>(null);
  const latest = useRef(job);
  const wanted = useRef<string | null>(null);

  useEffect(() => {
    latest.current = job;
    if (!queue.current || !job) return;
    feed(queue.current, job);
    if (wanted.current === job.generationId) {
      wanted.current = null;
      queue.current.play();
    }
  }, [job]);

  const attachAudio = useCallback((element: HTMLAudioElement | null) => {
    queue.current?.dispose();
    queue.current = element ? new NarrationQueue(element, fetchMediaObjectUrl, setSnapshot) : null;
    if (queue.current) feed(queue.current, latest.current);
  }, []);

  useEffect(() => () => queue.current?.dispose(), []);

  const playWhenReady = useCallback((generationId: string) => {
    if (queue.current && latest.current?.generationId === generationId) queue.current.play();
    else wanted.current = generationId;
  }, []);

  return {
    attachAudio,
    snapshot,
    playWhenReady,
    resume: useCallback(() => queue.current?.play(), []),
    pause: useCallback(() => queue.current?.pause(), []),
    stop: useCallback(() => queue.current?.stop(), []),
  };
}
