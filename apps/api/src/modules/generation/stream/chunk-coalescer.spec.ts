import { ChunkCoalescer } from './chunk-coalescer';

describe('chunk coalescing', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends deltas that arrive within one interval as one chunk', async () => {
    const sent: string[] = [];
    const coalescer = new ChunkCoalescer(40, async (text) => void sent.push(text));
    coalescer.push('Once ');
    coalescer.push('upon ');
    coalescer.push('a time');
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(40);
    expect(sent).toEqual(['Once upon a time']);
  });

  it('starts a new chunk for text after a flush, and drains the rest at the end', async () => {
    const sent: string[] = [];
    const coalescer = new ChunkCoalescer(40, async (text) => void sent.push(text));
    coalescer.push('a');
    await jest.advanceTimersByTimeAsync(40);
    coalescer.push('b');
    coalescer.push('c');
    await coalescer.drain();
    expect(sent).toEqual(['a', 'bc']);
  });

  it('keeps chunk order even when a slow sink overlaps the next flush', async () => {
    const sent: string[] = [];
    const coalescer = new ChunkCoalescer(10, async (text) => {
      await new Promise((resolve) => setTimeout(resolve, text === 'first' ? 50 : 1));
      sent.push(text);
    });
    coalescer.push('first');
    await jest.advanceTimersByTimeAsync(10);
    coalescer.push('second');
    const drained = coalescer.drain();
    await jest.advanceTimersByTimeAsync(100);
    await drained;
    expect(sent).toEqual(['first', 'second']);
  });

  it('reports a failed send when draining', async () => {
    const coalescer = new ChunkCoalescer(0, async () => {
      throw new Error('redis down');
    });
    coalescer.push('x');
    await expect(coalescer.drain()).rejects.toThrow('redis down');
  });
});
