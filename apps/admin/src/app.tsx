import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { AdminApiContext, createAdminApi } from './api/admin-api.js';
import { ProblemError } from './api/problem.js';
import { AppErrorBoundary } from './components/error-pages.js';
import { createAdminRouter } from './router.js';
import { SESSION_QUERY_KEY, type Session } from './session/session.js';
import { theme } from './theme.js';

function createAdminApp() {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not heal by asking again; a dropped connection might.
        retry: (failureCount, error) =>
          !(error instanceof ProblemError && error.status < 500) && failureCount < 2,
      },
    },
  });
  const api = createAdminApi({
    readCsrfToken: () =>
      queryClient.getQueryData<Session | null>(SESSION_QUERY_KEY)?.csrfToken ?? null,
    onSessionEnded: () => {
      if (!queryClient.getQueryData(SESSION_QUERY_KEY)) return; // already handled
      // Only the session goes: the page on screen still uses its data until sign-in replaces it.
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      notifications.show({
        id: 'session-ended',
        color: 'yellow',
        title: 'You were signed out',
        message: 'Your session ended. Sign in again to continue where you were.',
      });
      const { href } = router.state.location;
      void router.navigate({ to: '/sign-in', search: { redirect: href }, replace: true });
    },
  });
  const router = createAdminRouter({ queryClient, api });
  return { queryClient, api, router };
}

/** The providers every screen relies on: theme, notifications, API client, data cache, router. */
export function App() {
  const [{ queryClient, api, router }] = useState(createAdminApp);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <AppErrorBoundary>
        <Notifications position="bottom-right" />
        <AdminApiContext value={api}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AdminApiContext>
      </AppErrorBoundary>
    </MantineProvider>
  );
}
