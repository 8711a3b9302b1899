import { followEntries, type GenerationSubscribeAck, type GenerationStreamEvent, isTerminalStatus, StreamAssembler } from '@storyos/contracts';
import { http } from '../http';
import { whenSocketConnected } from '../socket';

/**
 * The final text of a short generation (a transcript), followed on the
 * socket like any generation; rejects with the generation's own reason when
 * it fails. A stream already gone is read from the stored generation.
 */
export async function awaitGenerationText(generationId: string, signal?: AbortSignal): Promise<string> {
  const socket = await whenSocketConnected();
  const assembler = new StreamAssembler();
  return new Promise<string>((resolve, reject) => {
    const done = (outcome: { ok: true; text: string } | { ok: false; reason: string }) => {
      unfollow();
      socket.off('connect', subscribe);
      signal?.removeEventListener('abort', onAbort);
      if (outcome.ok) resolve(outcome.text);
      else reject(new Error(outcome.reason));
    };
    const settle = () => {
      const end = assembler.state().ended;
      if (end?.type !== 'end') return;
      if (end.status === 'completed') done({ ok: true, text: assembler.state().text });
      else done({ ok: false, reason: end.error ?? (end.status === 'stopped' ? 'Stopped.' : 'The recording could not be written down.') });
    };
    const onEntry = (event: GenerationStreamEvent) => {
      if (event.generationId !== generationId) return;
      assembler.push(event.entry);
      settle();
    };
    const onAck = (ack: GenerationSubscribeAck) => {
      if (!ack.ok) return done({ ok: false, reason: ack.error.message });
      ack.entries.forEach((entry) => assembler.push(entry));
      settle();
      if (isTerminalStatus(ack.status) && !assembler.state().ended) {
        void http.get<{ text: string; status: string; error: string | null }>(`/api/generations/${generationId}`).then(
          (stored) => done(stored.status === 'completed' ? { ok: true, text: stored.text } : { ok: false, reason: stored.error ?? 'The recording could not be written down.' }),
          (error: unknown) => done({ ok: false, reason: error instanceof Error ? error.message : 'The recording could not be written down.' }),
        );
      }
    };
    const subscribe = () => socket.emit('generation:subscribe', { generationId, afterSeq: assembler.state().lastSeq }, onAck);
    const onAbort = () => done({ ok: false, reason: 'Cancelled.' });
    signal?.addEventListener('abort', onAbort, { once: true });
    const unfollow = followEntries(socket, onEntry);
    socket.on('connect', subscribe);
    subscribe();
  });
}
