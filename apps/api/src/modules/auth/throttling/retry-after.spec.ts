import { tooManyAttempts, waitInWords } from './retry-after';

describe('telling a throttled client how long to wait', () => {
  it('says seconds under a minute and whole minutes (rounded up) beyond', () => {
    expect([1, 2, 59, 60, 61, 900].map(waitInWords)).toEqual(['1 second', '2 seconds', '59 seconds', '1 minute', '2 minutes', '15 minutes']);
  });

  it('answers 429 RATE_LIMITED with Retry-After in whole seconds, never 0', () => {
    const error = tooManyAttempts('Too many attempts.', 1);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.headers).toEqual({ 'Retry-After': '1' });
    expect(error.message).toBe('Too many attempts. Try again in 1 second.');
    expect(tooManyAttempts('Too many attempts.', 899_001).headers).toEqual({ 'Retry-After': '900' });
  });
});
