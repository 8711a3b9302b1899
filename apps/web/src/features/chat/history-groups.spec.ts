import type { ChatSummary } from '@storyos/contracts';
import { groupChatsByDate } from './history-groups';

const chat = (id: string, createdAt: Date): ChatSummary => ({ id, title: id, visibility: 'private', createdAt: createdAt.toISOString(), updatedAt: createdAt.toISOString() });
const now = new Date(2025, 5, 15, 10, 0);
const daysAgo = (days: number, hour = 9) => new Date(2025, 5, 15 - days, hour, 0);

describe('grouping the chat history by date', () => {
  it('puts each chat in today, yesterday, the last 7 or 30 days, or older, keeping their order', () => {
    const groups = groupChatsByDate([chat('a', daysAgo(0, 1)), chat('b', daysAgo(1, 23)), chat('c', daysAgo(6)), chat('d', daysAgo(20)), chat('e', daysAgo(45)), chat('f', daysAgo(2))], now);
    expect(groups.map((group) => [group.name, group.chats.map((c) => c.id)])).toEqual([
      ['Today', ['a']],
      ['Yesterday', ['b']],
      ['Last 7 days', ['c', 'f']],
      ['Last 30 days', ['d']],
      ['Older', ['e']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupChatsByDate([chat('x', daysAgo(3))], now).map((group) => group.name)).toEqual(['Last 7 days']);
  });
});
