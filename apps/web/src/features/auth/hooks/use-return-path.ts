import { useSearchParams } from 'react-router';
import { safeReturnPath } from '../../../lib/safe-redirect';

/** Where to go after signing in: the page that sent the user to /login, if it is one of ours. */
export function useReturnPath(): string {
  const [params] = useSearchParams();
  return safeReturnPath(params.get('next'));
}
