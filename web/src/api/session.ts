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

/**
 * Ends the session. The caller then loads the sign-in page afresh, so nothing of the signed-out user's
 * data stays in memory.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api<void>('/auth/logout', { method: 'POST' });
      } catch (error) {
        // Already signed out (expired session) is the outcome we wanted.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      setCsrfToken(null);
    },
  });
}

export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: Id) =>
      api<Me | undefined>('/me/organization', { method: 'PUT', body: { organizationId } }),
    onSuccess: async (me) => {
      if (me?.user) {
        setCsrfToken(me.csrfToken);
        queryClient.setQueryData(meQuery.queryKey, me);
      }
      // Every other answer depends on the acting organisation: refetch what is on screen, drop the rest.
      await queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== 'instance' && (q.queryKey[0] !== 'me' || !me?.user),
      });
    },
  });
}
