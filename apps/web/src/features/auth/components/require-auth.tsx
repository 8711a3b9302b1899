import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../hooks/use-session';

/** Signed-out visitors go to /login, which brings them back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, endReason } = useSession();
  const location = useLocation();
  if (status !== 'authenticated') {
    const here = `${location.pathname}${location.search}${location.hash}`;
    // After an explicit logout there is nothing to return to.
    const to = endReason === 'logout' || here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}
