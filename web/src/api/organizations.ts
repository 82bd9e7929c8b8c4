import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../src/modules/identity/permissions.rules';
import { api } from './client';
import type { Id, Member, Organization } from './types';

export const organizationQuery = (id: Id) =>
  queryOptions({
    queryKey: ['organization', String(id)],
    queryFn: ({ signal }) => api<Organization>(`/organizations/${id}`, { signal }),
  });

export function useOrganization(id: Id | null | undefined) {
  return useQuery({ ...organizationQuery(id ?? ''), enabled: id !== null && id !== undefined });
}

export const membersQuery = (organizationId: Id) =>
  queryOptions({
    queryKey: ['members', String(organizationId)],
    queryFn: ({ signal }) => api<{ items: Member[] }>(`/organizations/${organizationId}/members`, { signal }),
    select: (data) => data.items,
  });

export function useMembers(organizationId: Id) {
  return useQuery(membersQuery(organizationId));
}

function useMemberMutation<V, R>(organizationId: Id, request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members', String(organizationId)] }),
  });
}

const base = (organizationId: Id) => `/organizations/${organizationId}/members`;

export function useInviteMember(organizationId: Id) {
  return useMemberMutation(organizationId, (body: { name: string; email: string; roles: Role[] }) =>
    api<Member>(base(organizationId), { method: 'POST', body }),
  );
}

export function useUpdateMemberRoles(organizationId: Id) {
  return useMemberMutation(organizationId, ({ userId, roles }: { userId: string; roles: Role[] }) =>
    api<Member>(`${base(organizationId)}/${userId}`, { method: 'PUT', body: { roles } }),
  );
}

export function useRemoveMember(organizationId: Id) {
  return useMemberMutation(organizationId, (userId: string) =>
    api<void>(`${base(organizationId)}/${userId}`, { method: 'DELETE' }),
  );
}

export function useResendInvitation(organizationId: Id) {
  return useMemberMutation(organizationId, (userId: string) =>
    api<void>(`${base(organizationId)}/${userId}/resend-invitation`, { method: 'POST' }),
  );
}

export function useDeactivateMember(organizationId: Id) {
  return useMemberMutation(organizationId, (userId: string) =>
    api<void>(`${base(organizationId)}/${userId}/deactivate`, { method: 'POST' }),
  );
}
