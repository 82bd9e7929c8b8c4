import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';

import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setCsrfToken } from './api/client';
import { meQuery } from './api/session';
import { createAppRouter } from './router';
import { theme } from './theme';

// A 401 on anything but /me means the session ended (idle timeout, reset elsewhere): forget the user so
// the signed-in frame sends them to sign in, and say why.
function onSessionLost(error: unknown, queryKey?: readonly unknown[]) {
  if (!(error instanceof ApiError) || error.status !== 401 || queryKey?.[0] === 'me') return;
  if (!queryClient.getQueryData(meQuery.queryKey)) return;
  setCsrfToken(null);
  queryClient.setQueryData(meQuery.queryKey, null);
  notifications.show({
    color: 'yellow',
    title: 'Signed out',
    message: 'Your session has ended. Please sign in again.',
  });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onSessionLost(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onSessionLost(error) }),
  defaultOptions: {
    queries: {
      // Client errors will not heal by retrying; network and server errors might.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      staleTime: 15_000,
    },
  },
});

const router = createAppRouter(queryClient);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root is missing from index.html');

createRoot(rootElement).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
