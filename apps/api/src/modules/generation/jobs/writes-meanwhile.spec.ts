import { WritesMeanwhile } from './writes-meanwhile';

describe('WritesMeanwhile', () => {
  it('settles only after every write added has finished', async () => {
    const writes = new WritesMeanwhile();
    const done: string[] = [];
    let finishSlow!: () => void;
    writes.add(new Promise<void>((resolve) => (finishSlow = resolve)).then(() => done.push('slow')));
    writes.add(Promise.resolve().then(() => done.push('quick')));
    const settled = writes.settle().then(() => done.push('settled'));
    await Promise.resolve();
    finishSlow();
    await settled;
    expect(done).toEqual(['quick', 'slow', 'settled']);
  });

  it('throws the first failure when it settles, after the other writes finished', async () => {
    const writes = new WritesMeanwhile();
    let otherFinished = false;
    writes.add(Promise.reject(new Error('first')));
    writes.add(Promise.reject(new Error('second')));
    writes.add(new Promise((resolve) => setTimeout(resolve, 5)).then(() => (otherFinished = true)));
    await expect(writes.settle()).rejects.toThrow('first');
    expect(otherFinished).toBe(true);
  });

  it('keeps a failure that happened before anyone settled, without an unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const writes = new WritesMeanwhile();
      writes.add(Promise.reject(new Error('early')));
      await new Promise((resolve) => setImmediate(resolve));
      await expect(writes.settle()).rejects.toThrow('early');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('settles at once when nothing was added', async () => {
    await expect(new WritesMeanwhile().settle()).resolves.toBeUndefined();
  });
});
