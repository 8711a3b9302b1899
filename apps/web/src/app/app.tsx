import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { SessionRestorer } from '../features/auth/components/session-restorer';
import { createQueryClient } from '../lib/query-client';
import { COLOR_MODE_STORAGE_KEY, theme } from '../lib/theme';
import { UpdateReadySnackbar } from './pwa/update-ready-snackbar';
import { createAppRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <ThemeProvider theme={theme} modeStorageKey={COLOR_MODE_STORAGE_KEY} defaultMode="system" noSsr>
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>
        <SessionRestorer>
          <RouterProvider router={router} />
        </SessionRestorer>
      </QueryClientProvider>
      <UpdateReadySnackbar />
    </ThemeProvider>
  );
}
