import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useReturnPath } from '../hooks/use-return-path';
import { useSession } from '../hooks/use-session';

/** The sign-in pages make no sense to someone already signed in. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const returnPath = useReturnPath();
  if (status === 'authenticated') return <Navigate to={returnPath} replace />;
  return children;
}
