import type { GenerationStreamEvent } from './generation-events';

/**
 * A reply's text entries are most of its frames, so they travel in a compact
 * form of their own: `generation:delta` with positional arguments
 * `(generationId, seq, text)` instead of the keyed `generation:entry` object
 * (every other entry: reset, notice, media, end). `followEntries` turns both
 * back into `GenerationStreamEvent`s, so readers see one kind of event
 * whatever form it travelled in.
 */
export type DeltaArguments = [generationId: string, seq: number, text: string];

/** The part of a Socket.IO client socket `followEntries` uses. */
export interface EntrySource {
  on(event: 'generation:delta', listener: (...args: DeltaArguments) => void): unknown;
  on(event: 'generation:entry', listener: (event: GenerationStreamEvent) => void): unknown;
  off(event: 'generation:delta', listener: (...args: DeltaArguments) => void): unknown;
  off(event: 'generation:entry', listener: (event: GenerationStreamEvent) => void): unknown;
}

/** Calls `listener` with every live entry, in either wire form; returns the function that stops it. */
export function followEntries(socket: EntrySource, listener: (event: GenerationStreamEvent) => void): () => void {
  const onDelta = (generationId: string, seq: number, text: string) => listener({ generationId, entry: { type: 'delta', seq, text } });
  socket.on('generation:delta', onDelta);
  socket.on('generation:entry', listener);
  return () => {
    socket.off('generation:delta', onDelta);
    socket.off('generation:entry', listener);
  };
}
