import type { ReactNode } from 'react';
import { useSession } from '../hooks/use-session';
import { AdministratorsOnly } from './administrators-only';

/** Non-admins get an explanation rather than a bare 403 or a silent redirect. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { isAdmin } = useSession();
  return isAdmin ? children : <AdministratorsOnly />;
}
