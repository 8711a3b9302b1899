import type { UserType } from '@storyos/contracts';

/** Bytes of media each user type may keep; null means no limit. */
export type StorageAllowances = Record<UserType, number | null>;

export type AllowanceDecision = { allowed: true } | { allowed: false; remainingBytes: number };

/** Whether `incomingBytes` more fit beside what the user already stores. */
export function decideAllowance(allowanceBytes: number | null, usedBytes: number, incomingBytes: number): AllowanceDecision {
  if (allowanceBytes === null || usedBytes + incomingBytes <= allowanceBytes) return { allowed: true };
  return { allowed: false, remainingBytes: Math.max(0, allowanceBytes - usedBytes) };
}

/** 5242880 → "5 MB"; 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${rounded} ${units[unit]}`;
}
