import type { UserType } from '@storyos/contracts';

/** Chat messages a user type may send per UTC day (seed 003's entitlements); null means no limit. */
export type ChatMessageLimits = Record<UserType, number | null>;

/** How long until the allowance is back, in words: "in 5 hours", "in 20 minutes". */
export function waitInWords(seconds: number): string {
  if (seconds >= 2 * 3600) return `in ${Math.round(seconds / 3600)} hours`;
  if (seconds >= 3600) return 'in about an hour';
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The 429's message: what happened, and what the user can do. */
export function chatLimitMessage(userType: UserType, limit: number, secondsUntilReset: number): string {
  const reached = `You have sent ${limit} messages today, the most ${userType === 'guest' ? 'a guest account' : 'your account'} can send in a day.`;
  const next = userType === 'guest' ? 'Create an account for more, or come back' : 'You can send more';
  return `${reached} ${next} ${waitInWords(secondsUntilReset)}.`;
}
