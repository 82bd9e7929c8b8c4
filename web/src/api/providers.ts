import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client';
import type { AccreditationStatus, Accreditor, Decision, Id, Page, ProviderListItem } from './types';

export type ProviderFilters = { q?: string; limit?: number };

export function useProviders(filters: ProviderFilters) {
  const limit = filters.limit ?? 50;
  return useInfiniteQuery({
    queryKey: ['providers', { q: filters.q ?? '', limit }],
    queryFn: ({ pageParam, signal }) =>
      api<Page<ProviderListItem>>('/providers', {
        query: { q: filters.q, limit, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    // Keep the current rows on screen while a new search loads.
    placeholderData: keepPreviousData,
  });
}

/** One page of providers, for summaries. */
export function useProviderSample(limit: number) {
  return useQuery({
    queryKey: ['providers', 'sample', limit],
    queryFn: ({ signal }) => api<Page<ProviderListItem>>('/providers', { query: { limit }, signal }),
  });
}

export const decisionsQuery = (providerId: Id) =>
  queryOptions({
    queryKey: ['decisions', String(providerId)],
    queryFn: ({ signal }) => api<{ items: Decision[] }>(`/providers/${providerId}/decisions`, { signal }),
    select: (data) => data.items,
  });

export function useDecisions(providerId: Id) {
  return useQuery(decisionsQuery(providerId));
}

export function useAccreditors() {
  return useQuery({
    queryKey: ['accreditors'],
    queryFn: ({ signal }) => api<{ items: Accreditor[] }>('/accreditors', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export type ProviderProfileInput = {
  name?: string;
  otherNames?: string[];
  organizationType?: string;
  street?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  website?: string | null;
};

export type NewProviderInput = {
  name: string;
  organizationType: string;
  accreditorId: Id;
  accreditationStatus: AccreditationStatus;
  termStart: string | null;
  termEnd: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  website: string | null;
  primaryContact: { name: string; email: string };
};

export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProviderInput) => api<ProviderListItem>('/providers', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['providers'] }),
  });
}

export function useUpdateProvider(providerId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProviderProfileInput) =>
      api<unknown>(`/providers/${providerId}`, { method: 'PATCH', body: patch }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['organization', String(providerId)] }),
        queryClient.invalidateQueries({ queryKey: ['providers'] }),
        // The name shows in the organisation switcher.
        queryClient.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
}
