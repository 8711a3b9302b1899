import { type ReactNode, useEffect } from 'react';
import { FullPageLoader } from '../../../components/full-page-loader';
import { restoreSession } from '../../../lib/http';
import { useSession } from '../hooks/use-session';

// Module scope: React's strict mode mounts twice, and a second refresh would reuse a rotated cookie.
let restoreStarted = false;

/** The access token lives in memory, so each page load asks the refresh cookie for a session first. */
export function SessionRestorer({ children }: { children: ReactNode }) {
  const { status } = useSession();
  useEffect(() => {
    if (restoreStarted) return;
    restoreStarted = true;
    void restoreSession();
  }, []);
  if (status === 'restoring') return <FullPageLoader label="Opening StoryOS…" />;
  return children;
}
