import { sessionStore } from '../../../lib/session-store';
import { forgetStoriesNotOwnedBy } from './story-cache';

/**
 * Stories kept offline belong to the account that kept them: logging out
 * removes them from the device, and signing in as someone else removes the
 * previous account's. A session lost to a dropped network keeps them — that
 * is exactly when they are read.
 */
export function keepOfflineShelfPrivate(): void {
  sessionStore.subscribe(() => {
    const { status, session, endReason } = sessionStore.getSnapshot();
    if (status === 'authenticated' && session) void forgetStoriesNotOwnedBy(session.user.id);
    else if (status === 'anonymous' && endReason === 'logout') void forgetStoriesNotOwnedBy(null);
  });
}
