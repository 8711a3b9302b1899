import { decideQuota, describeQuotaReset, quotaWindow, userTypeOf } from './daily-quota';

describe('daily generation quota', () => {
  it('resets at the next UTC midnight and counts the seconds until then', () => {
    const window = quotaWindow(new Date('2026-03-04T23:59:30.000Z'));
    expect(window.day).toBe('2026-03-04');
    expect(window.resetsAt.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(window.secondsUntilReset).toBe(30);
  });

  it('rolls over month and year boundaries', () => {
    expect(quotaWindow(new Date('2026-12-31T12:00:00.000Z')).resetsAt.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('never asks a client to retry after zero seconds', () => {
    expect(quotaWindow(new Date('2026-03-04T23:59:59.999Z')).secondsUntilReset).toBe(1);
  });

  it('allows up to the limit and refuses the next one with the time until reset', () => {
    const window = quotaWindow(new Date('2026-03-04T12:00:00.000Z'));
    expect(decideQuota(3, 3, window)).toEqual({ allowed: true, remaining: 0 });
    expect(decideQuota(3, 4, window)).toEqual({ allowed: false, retryAfterSeconds: 12 * 3600 });
  });

  it('treats a null limit as unlimited', () => {
    expect(decideQuota(null, 10_000, quotaWindow(new Date()))).toEqual({ allowed: true, remaining: null });
  });

  it('classifies admins, guests and registered users', () => {
    expect(userTypeOf({ role: 'admin', isGuest: false })).toBe('admin');
    expect(userTypeOf({ role: 'user', isGuest: true })).toBe('guest');
    expect(userTypeOf({ role: 'user', isGuest: false })).toBe('user');
  });
});

describe('when the allowance comes back, in words', () => {
  it.each([
    ['2026-12-01T21:00:00.000Z', 'at midnight UTC, in 3 h'],
    ['2026-12-01T23:15:00.000Z', 'at midnight UTC, in 45 min'],
    ['2026-12-01T23:59:59.000Z', 'at midnight UTC, in 1 min'],
    ['2026-12-01T00:00:00.000Z', 'at midnight UTC, in 24 h'],
  ])('at %s: %s', (now, words) => {
    const at = new Date(now);
    expect(describeQuotaReset(quotaWindow(at).resetsAt, at)).toBe(words);
  });
});
