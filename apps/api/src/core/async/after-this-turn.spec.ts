import { afterThisTurn } from './after-this-turn';

describe('work started after the current turn', () => {
  it('runs after what this turn started, promise callbacks included, and answers its result', async () => {
    const order: string[] = [];
    const later = afterThisTurn(async () => {
      order.push('later');
      return 42;
    });
    void Promise.resolve()
      .then(() => Promise.resolve())
      .then(() => order.push('started in this turn'));
    order.push('now');

    await expect(later).resolves.toBe(42);
    expect(order).toEqual(['now', 'started in this turn', 'later']);
  });

  it('passes its failure on', async () => {
    await expect(afterThisTurn(() => Promise.reject(new Error('the stream store is unreachable')))).rejects.toThrow('the stream store is unreachable');
  });
});
