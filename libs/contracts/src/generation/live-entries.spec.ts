import { EventEmitter } from 'node:events';
import type { GenerationStreamEvent } from './generation-events';
import { followEntries } from './live-entries';

const GEN = '3f1c2a8e-5b7d-4c9e-8a1f-2d3e4f5a6b7c';

describe('followEntries', () => {
  it('reads text from the compact form and every other entry from the keyed one, in arrival order', () => {
    const socket = new EventEmitter();
    const seen: GenerationStreamEvent[] = [];
    followEntries(socket, (event) => seen.push(event));
    socket.emit('generation:delta', GEN, 1, 'Once');
    socket.emit('generation:entry', { generationId: GEN, entry: { type: 'notice', seq: 2, message: 'Retrying' } });
    socket.emit('generation:delta', GEN, 3, ' upon');
    expect(seen).toEqual([
      { generationId: GEN, entry: { type: 'delta', seq: 1, text: 'Once' } },
      { generationId: GEN, entry: { type: 'notice', seq: 2, message: 'Retrying' } },
      { generationId: GEN, entry: { type: 'delta', seq: 3, text: ' upon' } },
    ]);
  });

  it('stops listening to both forms', () => {
    const socket = new EventEmitter();
    const seen: GenerationStreamEvent[] = [];
    const unfollow = followEntries(socket, (event) => seen.push(event));
    unfollow();
    socket.emit('generation:delta', GEN, 1, 'Once');
    socket.emit('generation:entry', { generationId: GEN, entry: { type: 'notice', seq: 2, message: 'Retrying' } });
    expect(seen).toEqual([]);
    expect(socket.listenerCount('generation:delta') + socket.listenerCount('generation:entry')).toBe(0);
  });
});
