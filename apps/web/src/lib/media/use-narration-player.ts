import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchMediaObjectUrl } from './fetch-media-url';
import { isSettled, type MediaJob } from './media-job';
import { NarrationQueue, type NarrationSnapshot } from './narration-queue';

const IDLE: NarrationSnapshot = { state: 'idle', index: 0, known: 0, error: null };

export interface NarrationPlayer {
  /** Give it to the <audio> element the narration plays on. */
  audioRef: (element: HTMLAudioElement | null) => void;
  snapshot: NarrationSnapshot;
  play: () => void;
  pause: () => void;
  stop: () => void;
}

/**
 * Plays a narration job's pieces in order on one audio element, as they
 * arrive (see NarrationQueue). `job` is the live job (useMediaJob), so the
 * queue learns of each piece the moment the step stores it.
 */
export function useNarrationPlayer(job: MediaJob | null): NarrationPlayer {
  const [snapshot, setSnapshot] = useState<NarrationSnapshot>(IDLE);
  const queueRef = useRef<NarrationQueue | null>(null);
  const jobRef = useRef(job);
  jobRef.current = job;

  const feed = useCallback((queue: NarrationQueue, current: MediaJob | null) => {
    if (!current) return;
    if (current.status === 'failed' && current.parts.length === 0) queue.fail(current.error ?? 'The narration could not be made.');
    else queue.update(current.parts, isSettled(current));
  }, []);

  const audioRef = useCallback(
    (element: HTMLAudioElement | null) => {
      queueRef.current?.dispose();
      queueRef.current = element ? new NarrationQueue(element, fetchMediaObjectUrl, setSnapshot) : null;
      if (queueRef.current) feed(queueRef.current, jobRef.current);
    },
    [feed],
  );

  useEffect(() => {
    if (queueRef.current) feed(queueRef.current, job);
  }, [job, feed]);

  useEffect(() => () => queueRef.current?.dispose(), []);

  return {
    audioRef,
    snapshot,
    play: useCallback(() => queueRef.current?.play(), []),
    pause: useCallback(() => queueRef.current?.pause(), []),
    stop: useCallback(() => queueRef.current?.stop(), []),
  };
}
