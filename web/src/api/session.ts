import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';
import type { Id, Instance, LoginResult, Me } from './types';

/** The signed-in user, or null when there is no session (401). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      const me = await api<Me>('/me', { signal });
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

export const instanceQuery = queryOptions({
  queryKey: ['instance'],
  queryFn: ({ signal }) => api<Instance>('/instance', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useMe() {
  return useQuery(meQuery);
}

export function useInstance() {
  return useQuery(instanceQuery);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<LoginResult>('/auth/login', { method: 'POST', body }),
    onSuccess: (result) => signedIn(queryClient, result),
  });
}

// A new session invalidates everything cached for the previous one (another user may have used the tab).
export function signedIn(queryClient: ReturnType<typeof useQueryClient>, result: LoginResult): void {
  setCsrfToken(result.csrfToken);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'instance' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'instance' });
      queryClient.setQueryData(meQuery.queryKey, null);
    },
  });
}

export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: Id) =>
      api<void>('/me/organization', { method: 'PUT', body: { organizationId } }),
    // Every answer depends on the acting organisation: drop them all and fetch again.
    onSuccess: () => queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== 'instance' }),
  });
}
