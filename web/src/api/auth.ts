import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { signedIn } from './session';
import type { Invitation, LoginResult } from './types';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) => api<void>('/auth/password-reset', { method: 'POST', body }),
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api<void>('/auth/password-reset/complete', { method: 'POST', body }),
  });
}

export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api<Invitation>(`/auth/invitations/${encodeURIComponent(token)}`, { signal }),
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string; acceptTerms: true }) =>
      api<LoginResult>('/auth/invitations/accept', { method: 'POST', body }),
    onSuccess: (result) => signedIn(queryClient, result),
  });
}
