import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { theme } from '../lib/theme';

export interface TestRoute {
  path: string;
  element: ReactElement;
}

/** Where the app currently is, for tests to read (jsdom has no address bar). */
function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{`${pathname}${search}`}</output>;
}

/**
 * Renders routes the way the app does: theme, React Query and a router
 * starting at `path`. The declarative router is used because jsdom lacks the
 * Fetch API's Request that the data router needs.
 */
export function renderRoutes(routes: TestRoute[], path: string): RenderResult & { location: () => string } {
  const result = render(
    <ThemeProvider theme={theme} noSsr>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            {routes.map((route) => (
              <Route key={route.path} path={route.path} element={route.element} />
            ))}
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </QueryClientProvider>
    </ThemeProvider>,
  );
  return { ...result, location: () => result.getByTestId('location').textContent ?? '' };
}
