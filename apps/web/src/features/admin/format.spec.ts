import { formatUptime } from './format';

describe('uptime shown on the System page', () => {
  it.each([
    [0, '0 s'],
    [59.9, '59 s'],
    [61, '1 min'],
    [3_660, '1 h 1 min'],
    [90_000, '1 d 1 h'],
  ])('reads %p seconds as %p', (seconds, text) => {
    expect(formatUptime(seconds)).toBe(text);
  });
});
