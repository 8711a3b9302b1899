import { createBrowserRouter } from 'react-router';
import { SystemPage } from '../features/admin/components/system-page';
import { LoginPage } from '../features/auth/components/login-page';
import { RedirectIfSignedIn } from '../features/auth/components/redirect-if-signed-in';
import { RegisterPage } from '../features/auth/components/register-page';
import { RequireAdmin } from '../features/auth/components/require-admin';
import { RequireAuth } from '../features/auth/components/require-auth';
import { HomePage } from '../features/home/components/home-page';
import { NotFoundPage } from './not-found-page';
import { AppShell } from './shell/app-shell';

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      element: (
        <RedirectIfSignedIn>
          <LoginPage />
        </RedirectIfSignedIn>
      ),
    },
    {
      path: '/register',
      element: (
        <RedirectIfSignedIn>
          <RegisterPage />
        </RedirectIfSignedIn>
      ),
    },
    {
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'admin',
          element: (
            <RequireAdmin>
              <SystemPage />
            </RequireAdmin>
          ),
        },
      ],
    },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
