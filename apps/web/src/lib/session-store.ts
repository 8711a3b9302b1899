import type { AuthSession } from '@storyos/contracts';

/**
 * The one place the access token lives: memory only, never localStorage, so a
 * script injected into the page cannot lift a long-lived credential.
 */
export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';
/** Why the session ended, so the login page can explain an unexpected sign-out. */
export type SessionEndReason = 'logout' | 'expired' | null;

export interface SessionSnapshot {
  status: SessionStatus;
  session: AuthSession | null;
  endReason: SessionEndReason;
}

type Listener = () => void;

let snapshot: SessionSnapshot = { status: 'restoring', session: null, endReason: null };
const listeners = new Set<Listener>();

function publish(next: SessionSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

export const sessionStore = {
  getSnapshot: (): SessionSnapshot => snapshot,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getAccessToken: (): string | null => snapshot.session?.accessToken ?? null,
  setSession(session: AuthSession): void {
    publish({ status: 'authenticated', session, endReason: null });
  },
  clear(reason: SessionEndReason): void {
    publish({ status: 'anonymous', session: null, endReason: reason });
  },
  /** Only for tests: back to the state of a fresh page load. */
  reset(): void {
    publish({ status: 'restoring', session: null, endReason: null });
  },
};
