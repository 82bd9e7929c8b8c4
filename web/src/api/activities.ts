import {
  keepPreviousData,
  queryOptions,
  type UseQueryResult,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  ActivityRecord,
  CommercialSupporterRecord,
  Requirement,
  RuleMessage,
} from '../../../src/modules/activities/activity.rules';
import type { ActivityInput, ActivityStatus } from '../../../src/modules/activities/activity.schema';
import { api } from './client';
import type { Id, Page } from './types';

// Wire shapes and hooks of the activity endpoints (docs/api.md "Activities").

export type { ActivityInput, ActivityStatus, Requirement, RuleMessage };

/** A row of GET /activities: searchable columns only; missingRequirements holds rule IDs. */
export type ActivityListItem = {
  parsActivityId: number;
  providerId: number;
  providerActivityId: string | null;
  title: string;
  format: string;
  deliveryMethod: string | null;
  startDate: string;
  endDate: string;
  reportingYear: number;
  status: ActivityStatus;
  targetStatus: ActivityStatus;
  missingRequirements: string[];
  /** numeric(8,2) as text, e.g. "6.50" */
  creditsDesignated: string | null;
  mocBoards: string[];
  isRems: boolean;
  isMips: boolean;
  updatedAt: string;
};

export type ActivitySupporter = Omit<CommercialSupporterRecord, 'amountCents'> & { amount: number | null };

/** GET /activities/{id}: the canonical record with money in whole dollars, plus the system fields. */
export type Activity = Omit<ActivityRecord, 'commercialSupporters'> & {
  commercialSupporters: ActivitySupporter[];
  parsActivityId: number;
  providerNumber: string;
  ruleSet: string;
  reportingYear: number;
  status: ActivityStatus;
  targetStatus: ActivityStatus;
  missingRequirements: Requirement[];
  version: number;
  repeatGroupId: string | null;
  createdAt: string;
  updatedAt: string;
};

/** What a successful create or replace answers: the activity plus what the rules noted. */
export type SavedActivity = Activity & { outcome?: string; warnings?: RuleMessage[] };

export type ActivityValidation = {
  valid: boolean;
  outcome: string;
  status: ActivityStatus | null;
  targetStatus: ActivityStatus | null;
  missingRequirements: Requirement[];
  errors: RuleMessage[];
  warnings: RuleMessage[];
};

export type ActivityHistoryEntry = {
  id: Id;
  at: string;
  channel: string;
  action: string;
  before: unknown;
  after: unknown;
  actorName: string | null;
};

export type RepeatResult = {
  repeatGroupId: string;
  items: { parsActivityId: number; providerActivityId: string | null; status: ActivityStatus }[];
};

export const ACTIVITY_SORTS = ['id', 'endDate', 'title'] as const;
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];

export type ActivityFilters = {
  q?: string;
  status?: ActivityStatus;
  format?: string;
  year?: number;
  board?: string;
  rems?: boolean;
  mips?: boolean;
  sort?: ActivitySort;
  providerId?: number;
};

export const ACTIVITY_PAGE_SIZE = 50;

export function useActivities(filters: ActivityFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: ['activities', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<ActivityListItem>>('/activities', {
        query: { ...filters, cursor: pageParam, limit: ACTIVITY_PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    // Keep the current rows on screen while a new search loads.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export const activityQuery = (id: Id) =>
  queryOptions({
    queryKey: ['activities', 'one', String(id)],
    queryFn: ({ signal }) => api<Activity>(`/activities/${id}`, { signal }),
  });

export function useActivity(id: Id) {
  return useQuery(activityQuery(id));
}

export function useActivityHistory(id: Id) {
  return useQuery({
    queryKey: ['activities', 'history', String(id)],
    queryFn: ({ signal }) => api<{ items: ActivityHistoryEntry[] }>(`/activities/${id}/history`, { signal }),
    select: (data) => data.items,
  });
}

/** Another live activity of the provider already using this Provider Activity ID (case-insensitive). */
export function useProviderActivityIdOwner(providerActivityId: string) {
  const id = providerActivityId.trim();
  return useQuery({
    queryKey: ['activities', 'by-provider-id', id.toLowerCase()],
    queryFn: ({ signal }) =>
      api<Page<ActivityListItem>>('/activities', { query: { providerActivityId: id, limit: 1 }, signal }),
    select: (data) => data.items[0] ?? null,
    enabled: id.length > 0 && id.length <= 50,
    staleTime: 5_000,
  });
}

function useInvalidateActivities() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['activities'] });
}

export function useCreateActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ActivityInput; idempotencyKey: string }) =>
      api<SavedActivity>('/activities', {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: invalidate,
  });
}

export function useReplaceActivity(id: Id) {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: ({ input, version }: { input: ActivityInput; version: number }) =>
      api<SavedActivity>(`/activities/${id}`, {
        method: 'PUT',
        body: input,
        headers: { 'If-Match': `"${version}"` },
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteActivity(id: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api<void>(`/activities/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ['activities', 'one', String(id)] });
      await queryClient.invalidateQueries({ queryKey: ['activities', 'list'] });
    },
  });
}

export function useCopyActivity(id: Id) {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: () => api<Activity>(`/activities/${id}:copy`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

/** Checks a record as the server would save it: as a replacement of `parsActivityId`, or as new. */
export function useValidateActivity(parsActivityId?: number) {
  return useMutation({
    mutationFn: (input: ActivityInput) =>
      api<ActivityValidation>(
        parsActivityId ? `/activities:validate?parsActivityId=${parsActivityId}` : '/activities:validate',
        { method: 'POST', body: input },
      ),
  });
}

export function useRepeatActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: ({
      shared,
      instances,
      idempotencyKey,
    }: {
      shared: ActivityInput;
      instances: ActivityInput[];
      idempotencyKey: string;
    }) =>
      api<RepeatResult>('/activities:repeat', {
        method: 'POST',
        body: { shared, instances },
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: invalidate,
  });
}

// ---- lists the rules need -----------------------------------------------------------------------

export type ListEntry = { code: string; name: string; active: boolean };

export type BoardAreaLists = { practiceAreas: ListEntry[]; contentAreas: ListEntry[] };

const boardListQuery = (board: string, list: 'practice-areas' | 'content-areas') =>
  queryOptions({
    queryKey: ['board-lists', board, list],
    queryFn: ({ signal }) => api<{ items: ListEntry[] }>(`/boards/${board}/${list}`, { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });

/** Practice and content areas of each board; a board is absent until both its lists have loaded. */
export function useBoardAreaLists(boards: readonly string[]): Record<string, BoardAreaLists> {
  const key = [...new Set(boards)].sort().join(',');
  const unique = key ? key.split(',') : [];
  // A stable combine keeps the answer referentially stable while nothing loads, so the rule context
  // built from it is not rebuilt on every keystroke.
  const combine = useCallback(
    (results: UseQueryResult<ListEntry[]>[]) => {
      const lists: Record<string, BoardAreaLists> = {};
      (key ? key.split(',') : []).forEach((board, i) => {
        const practice = results[2 * i]?.data;
        const content = results[2 * i + 1]?.data;
        if (practice && content) lists[board] = { practiceAreas: practice, contentAreas: content };
      });
      return lists;
    },
    [key],
  );
  return useQueries({
    queries: unique.flatMap((board) => [
      boardListQuery(board, 'practice-areas'),
      boardListQuery(board, 'content-areas'),
    ]),
    combine,
  });
}

export function useRemsBlueprintSections() {
  return useQuery({
    queryKey: ['rems-blueprint-sections'],
    queryFn: ({ signal }) => api<{ items: ListEntry[] }>('/rems/blueprint-sections', { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}
