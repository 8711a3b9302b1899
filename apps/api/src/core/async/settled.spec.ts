import { settle, valueOf } from './settled';

describe('settle and valueOf', () => {
  it('keeps a value', async () => {
    const settled = await settle(Promise.resolve(7));
    expect(settled).toEqual({ status: 'fulfilled', value: 7 });
    expect(valueOf(settled)).toBe(7);
  });

  it('holds a refusal until its value is asked for, then throws it as it was', async () => {
    const refusal = new Error('over the limit');
    const settled = await settle(Promise.reject(refusal));
    expect(settled).toEqual({ status: 'rejected', reason: refusal });
    expect(() => valueOf(settled)).toThrow(refusal);
  });
});
