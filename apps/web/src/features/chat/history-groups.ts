import type { ChatSummary } from '@storyos/contracts';

export type HistoryGroupName = 'Today' | 'Yesterday' | 'Last 7 days' | 'Last 30 days' | 'Older';

export interface HistoryGroup {
  name: HistoryGroupName;
  chats: ChatSummary[];
}

const DAY_MS = 24 * 3600 * 1000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The sidebar's groups, by the chat's creation in the reader's own days; empty groups are left out. */
export function groupChatsByDate(chats: readonly ChatSummary[], now: Date): HistoryGroup[] {
  const today = startOfDay(now);
  const groupOf = (chat: ChatSummary): HistoryGroupName => {
    const day = startOfDay(new Date(chat.createdAt));
    if (day >= today) return 'Today';
    if (day >= today - DAY_MS) return 'Yesterday';
    if (day >= today - 7 * DAY_MS) return 'Last 7 days';
    if (day >= today - 30 * DAY_MS) return 'Last 30 days';
    return 'Older';
  };
  const order: HistoryGroupName[] = ['Today', 'Yesterday', 'Last 7 days', 'Last 30 days', 'Older'];
  const groups = new Map<HistoryGroupName, ChatSummary[]>(order.map((name) => [name, []]));
  for (const chat of chats) groups.get(groupOf(chat))!.push(chat);
  return order.flatMap((name) => (groups.get(name)!.length ? [{ name, chats: groups.get(name)! }] : []));
}
