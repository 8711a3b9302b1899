import type { AuthSession } from '@storyos/contracts';
import { act, screen } from '@testing-library/react';
import { sessionStore } from '../../../lib/session-store';
import { renderRoutes } from '../../../test/render-with-providers';
import { RequireAdmin } from './require-admin';
import { RequireAuth } from './require-auth';

const sessionFor = (role: 'user' | 'admin'): AuthSession => ({
  user: {
    id: '0b9f0c3e-2d1a-4d8e-9a51-3f2b1c4d5e6f',
    email: `${role}@example.com`,
    displayName: role,
    role,
    isGuest: false,
    createdAt: '2025-01-01T00:00:00.000Z',
  },
  accessToken: `token-${role}`,
  accessTokenExpiresAt: '2025-01-01T00:15:00.000Z',
});

const routes = [
  { path: '/login', element: <h1>Sign in</h1> },
  {
    path: '/admin',
    element: (
      <RequireAuth>
        <RequireAdmin>
          <h1>System</h1>
        </RequireAdmin>
      </RequireAuth>
    ),
  },
];

describe('route guards', () => {
  it('send a signed-out visitor to /login with the way back', () => {
    sessionStore.clear(null);
    const { location } = renderRoutes(routes, '/admin?tab=workers');
    expect(location()).toBe(`/login?next=${encodeURIComponent('/admin?tab=workers')}`);
  });

  it('send a user whose session just ended by logout to /login without a way back', () => {
    sessionStore.setSession(sessionFor('user'));
    const { location } = renderRoutes(routes, '/admin');
    expect(location()).toBe('/admin');
    act(() => sessionStore.clear('logout'));
    expect(location()).toBe('/login');
  });

  it('show non-admins an explanation instead of the admin page', () => {
    sessionStore.setSession(sessionFor('user'));
    renderRoutes(routes, '/admin');
    expect(screen.getByRole('heading', { name: 'Administrators only' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'System' })).toBeNull();
  });

  it('let administrators through', () => {
    sessionStore.setSession(sessionFor('admin'));
    renderRoutes(routes, '/admin');
    expect(screen.getByRole('heading', { name: 'System' })).toBeTruthy();
  });
});
