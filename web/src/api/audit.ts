import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditEntry, Page } from './types';

export type AuditFilters = { entityType: string; action: string; from: string; to: string };

export const AUDIT_PAGE_SIZE = 50;

export function useAuditTrail(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>('/audit', {
        query: { ...filters, cursor: pageParam, limit: AUDIT_PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    // Keep the current rows on screen while a new search loads.
    placeholderData: keepPreviousData,
  });
}
