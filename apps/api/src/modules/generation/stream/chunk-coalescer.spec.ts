import { ChunkCoalescer } from './chunk-coalescer';

describe('chunk coalescing', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const collector = () => {
    const sent: string[] = [];
    return { sent, sink: async (text: string) => void sent.push(text) };
  };

  it('sends the first words at once, without waiting for the interval', async () => {
    const { sent, sink } = collector();
    const coalescer = new ChunkCoalescer(40, sink);
    coalescer.push('Once ');
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['Once ']);
  });

  it('gathers deltas that follow within the interval into one chunk', async () => {
    const { sent, sink } = collector();
    const coalescer = new ChunkCoalescer(40, sink);
    coalescer.push('Once ');
    coalescer.push('upon ');
    coalescer.push('a time');
    await jest.advanceTimersByTimeAsync(39);
    expect(sent).toEqual(['Once ']);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['Once ', 'upon a time']);
  });

  it('after the first words, waits for the window even after a quiet spell, and drains the rest at the end', async () => {
    const { sent, sink } = collector();
    const coalescer = new ChunkCoalescer(40, sink);
    coalescer.push('a');
    await jest.advanceTimersByTimeAsync(100);
    coalescer.push('b');
    coalescer.push('c');
    await jest.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['a']);
    coalescer.push('d');
    await coalescer.drain();
    expect(sent).toEqual(['a', 'bcd']);
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

  it('sends every delta alone when the interval is zero', async () => {
    const { sent, sink } = collector();
    const coalescer = new ChunkCoalescer(0, sink);
    coalescer.push('a');
    coalescer.push('b');
    await coalescer.drain();
    expect(sent).toEqual(['a', 'b']);
  });

  it('reports a failed send when draining', async () => {
    const coalescer = new ChunkCoalescer(0, async () => {
      throw new Error('redis down');
    });
    coalescer.push('x');
    await expect(coalescer.drain()).rejects.toThrow('redis down');
  });
});
