import type { User } from '@storyos/contracts';
import { useSyncExternalStore } from 'react';
import { type SessionEndReason, type SessionStatus, sessionStore } from '../../../lib/session-store';

export interface SessionView {
  status: SessionStatus;
  user: User | null;
  isAdmin: boolean;
  isGuest: boolean;
  endReason: SessionEndReason;
}

/** The signed-in user as React state, read from the in-memory session store. */
export function useSession(): SessionView {
  const snapshot = useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
  const user = snapshot.session?.user ?? null;
  return {
    status: snapshot.status,
    user,
    isAdmin: user?.role === 'admin',
    isGuest: user?.isGuest ?? false,
    endReason: snapshot.endReason,
  };
}
