import { followEntries, type GenerationSubscribeAck, isTerminalStatus, type MediaPart, type StreamEntry, StreamAssembler } from '@storyos/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getSocket } from '../socket';
import { isSettled, type MediaJob } from './media-job';

/** Parts by index: what the job was read with, then what the stream brought. */
function merged(known: readonly MediaPart[], streamed: readonly MediaPart[]): MediaPart[] {
  const byIndex = new Map(known.map((part) => [part.index, part]));
  for (const part of streamed) byIndex.set(part.index, part);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/**
 * Follows a media step live: each `media` entry (a picture, or one piece of
 * narration) is added as it arrives, so a player can start on the first
 * piece while the rest is made. Subscribes from the stream's start (media
 * entries are few) and again after every reconnect; `onSettled` runs once
 * when the step ends, so the owner can refresh its list.
 */
export function useMediaJob(job: MediaJob | null, onSettled?: (job: MediaJob) => void): MediaJob | null {
  const [live, setLive] = useState<MediaJob | null>(null);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onSettledRef.current = onSettled;
  });
  const generationId = job?.generationId ?? null;
  const jobSettled = job ? isSettled(job) : true;

  useEffect(() => {
    if (!job || jobSettled) return;
    const assembler = new StreamAssembler();
    let disposed = false;
    let settled = false;
    const publish = (status = job.status, error = job.error) => {
      const state = assembler.state();
      const end = state.ended?.type === 'end' ? state.ended : null;
      const next: MediaJob = { generationId: job.generationId, status: end?.status ?? status, parts: merged(job.parts, state.media), error: end?.error ?? error };
      setLive(next);
      if (isSettled(next) && !settled) {
        settled = true;
        onSettledRef.current?.(next);
      }
    };
    const accept = (entries: readonly StreamEntry[]) => {
      let changed = false;
      for (const entry of entries) changed = assembler.push(entry) || changed;
      if (changed) publish(assembler.state().ended ? job.status : 'streaming');
    };
    const onAck = (ack: GenerationSubscribeAck) => {
      if (disposed) return;
      if (!ack.ok) return publish('failed', ack.error.message);
      accept(ack.entries);
      // Ended and its stream already gone: the owner's list has the final parts.
      if (isTerminalStatus(ack.status) && !assembler.state().ended) publish(ack.status);
    };
    const socket = getSocket();
    const subscribe = () => socket.emit('generation:subscribe', { generationId: job.generationId, afterSeq: assembler.state().lastSeq }, onAck);
    const onEntry = (event: { generationId: string; entry: StreamEntry }) => {
      if (event.generationId === job.generationId) accept([event.entry]);
    };
    const unfollow = followEntries(socket, onEntry);
    socket.on('connect', subscribe);
    if (socket.connected) subscribe();
    return () => {
      disposed = true;
      unfollow();
      socket.off('connect', subscribe);
    };
    // The job object changes identity on every list refresh; what to follow is decided by its id and whether it is still running.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generationId, jobSettled]);

  return useMemo(() => {
    if (!job) return null;
    if (jobSettled || live?.generationId !== job.generationId) return job;
    return { ...live, parts: merged(job.parts, live.parts) };
  }, [job, jobSettled, live]);
}
