import { formatRelativeTime } from './format-relative-time';

const NOW = Date.parse('2025-06-10T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('how long ago a game was played', () => {
  it.each([
    [10, 'just now'],
    [50, '1 minute ago'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [86_400, 'yesterday'],
    [15 * 86_400, '2 weeks ago'],
  ])('reads %p seconds ago as %p', (seconds, text) => {
    expect(formatRelativeTime(ago(seconds), NOW)).toBe(text);
  });
});
