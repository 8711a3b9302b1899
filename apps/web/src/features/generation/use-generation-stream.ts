import {
  type AssembledStream,
  followEntries,
  type GenerationStatus,
  type GenerationStreamEvent,
  type GenerationSubscribeAck,
  isTerminalStatus,
  type StreamEntry,
  StreamAssembler,
} from '@storyos/contracts';
import { useEffect, useRef, useState } from 'react';
import { getSocket } from '../../lib/socket';
import { createFrameBatcher } from './frame-batcher';

/** Where the stream starts: what the client already has (GET /api/generations/:id, or nothing yet). */
export interface StreamStart {
  text: string;
  lastSeq: number;
  status?: GenerationStatus;
  error?: string | null;
}

/** How a generation ended, handed to the owner once so it can update its cache. */
export interface StreamOutcome {
  status: GenerationStatus;
  text: string;
  lastSeq: number;
  error: string | null;
}

export interface GenerationStreamView {
  text: string;
  lastSeq: number;
  /** idle: nothing to follow yet; streaming: text may still grow; ended: `status` is final. */
  phase: 'idle' | 'streaming' | 'ended';
  status: GenerationStatus | null;
  error: string | null;
  /** What the reader should know while waiting, e.g. that the provider is being retried; null once text flows. */
  notice: string | null;
}

export type OnStreamEnded = (generationId: string, outcome: StreamOutcome) => void;

interface CommittedView extends GenerationStreamView {
  generationId: string;
}

const IDLE: GenerationStreamView = { text: '', lastSeq: 0, phase: 'idle', status: null, error: null, notice: null };

function toView(generationId: string, stream: AssembledStream, terminal: StreamOutcome | null, error: string | null): CommittedView {
  const end = stream.ended?.type === 'end' ? stream.ended : null;
  if (end) return { generationId, text: stream.text, lastSeq: stream.lastSeq, phase: 'ended', status: end.status, error: end.error, notice: null };
  if (terminal) return { generationId, ...terminal, phase: 'ended', notice: null };
  return { generationId, text: stream.text, lastSeq: stream.lastSeq, phase: 'streaming', status: 'streaming', error, notice: stream.notice };
}

/**
 * Follows one generation live, for any area (a game reply, a story premise).
 * It subscribes with afterSeq = what it already has, feeds the replay in the
 * ack and the live entries (`followEntries`) through one StreamAssembler
 * (they may overlap: each seq applies once), and commits visible text at most
 * once per animation frame. Every reconnect subscribes again from the last
 * applied seq, so a dropped connection resumes without gaps or repeats. When
 * the stream ends, `onEnded` runs once so the owner can settle its cache.
 *
 * `start` undefined means "not known yet": nothing happens until it is.
 */
export function useGenerationStream(
  generationId: string | null,
  start: StreamStart | undefined,
  onEnded: OnStreamEnded,
): GenerationStreamView {
  const [committed, setCommitted] = useState<CommittedView | null>(null);
  const startRef = useRef(start);
  const onEndedRef = useRef(onEnded);
  useEffect(() => {
    startRef.current = start;
    onEndedRef.current = onEnded;
  });
  const ready = start !== undefined;

  useEffect(() => {
    const initial = startRef.current;
    if (!generationId || !initial) return;
    const assembler = new StreamAssembler({ text: initial.text, lastSeq: initial.lastSeq });
    let terminal: StreamOutcome | null = null;
    let failure: string | null = null;
    let settled = false;
    let disposed = false;

    const batcher = createFrameBatcher(() => setCommitted(toView(generationId, assembler.state(), terminal, failure)));

    const settleIfEnded = () => {
      const view = toView(generationId, assembler.state(), terminal, failure);
      if (settled || view.phase !== 'ended' || !view.status) return;
      settled = true;
      batcher.flush();
      onEndedRef.current(generationId, { status: view.status, text: view.text, lastSeq: view.lastSeq, error: view.error });
    };

    const accept = (entries: readonly StreamEntry[]) => {
      let changed = false;
      for (const entry of entries) changed = assembler.push(entry) || changed;
      if (!changed) return;
      batcher.schedule();
      settleIfEnded();
    };

    const onAck = (ack: GenerationSubscribeAck) => {
      if (disposed) return;
      if (!ack.ok) {
        failure = ack.error.message;
        batcher.schedule();
        return;
      }
      accept(ack.entries);
      // Finished and its stream already gone: the text we started from is the final one.
      if (isTerminalStatus(ack.status) && !assembler.state().ended) {
        const { text, lastSeq } = assembler.state();
        terminal = { status: ack.status, text, lastSeq, error: initial.error ?? null };
        settleIfEnded();
      }
    };

    // A start that is already final needs no stream at all.
    if (initial.status && isTerminalStatus(initial.status)) {
      terminal = { status: initial.status, text: initial.text, lastSeq: initial.lastSeq, error: initial.error ?? null };
      settleIfEnded();
      return () => batcher.cancel();
    }

    const socket = getSocket();
    const subscribe = () => {
      socket.emit('generation:subscribe', { generationId, afterSeq: assembler.state().lastSeq }, onAck);
    };
    const onEntry = (event: GenerationStreamEvent) => {
      if (event.generationId === generationId) accept([event.entry]);
    };

    const unfollow = followEntries(socket, onEntry);
    socket.on('connect', subscribe);
    if (socket.connected) subscribe();

    return () => {
      disposed = true;
      batcher.cancel();
      unfollow();
      socket.off('connect', subscribe);
    };
  }, [generationId, ready]);

  if (!generationId) return IDLE;
  if (committed?.generationId === generationId) return committed;
  // Until the first frame commits, show what the stream starts from.
  if (!start) return IDLE;
  return { text: start.text, lastSeq: start.lastSeq, phase: 'streaming', status: start.status ?? 'streaming', error: null, notice: null };
}
