import { slowdownSpacingMs } from './account-slowdown';

describe('the account-wide sign-in slow-down', () => {
  const settings = { afterFailures: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

  it('leaves the first failures of an account unpaced', () => {
    for (let failures = 0; failures <= 5; failures += 1) expect(slowdownSpacingMs(failures, settings)).toBe(0);
  });

  it('spaces further checks by a delay that doubles with each failure', () => {
    expect([6, 7, 8, 9, 10].map((failures) => slowdownSpacingMs(failures, settings))).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('never spaces checks further than the cap, however many failures pile up', () => {
    expect(slowdownSpacingMs(11, settings)).toBe(30_000);
    expect(slowdownSpacingMs(10_000, settings)).toBe(30_000);
  });

  it('paces from the first check when no failures are allowed', () => {
    expect(slowdownSpacingMs(1, { ...settings, afterFailures: 0 })).toBe(1000);
  });
});
