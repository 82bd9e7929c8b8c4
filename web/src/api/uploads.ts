import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ActivityListItem } from './activities';
import { API_BASE, api } from './client';
import type { Page } from './types';

// Wire shapes and hooks of the upload endpoints (docs/api.md "Uploads", spec formats.md §8).

export type UploadState =
  | 'RECEIVED'
  | 'AWAITING_CONFIRMATION'
  | 'PROCESSING'
  | 'COMPLETED'
  | 'REJECTED'
  | 'CANCELLED';

export const FINAL_STATES: readonly UploadState[] = ['COMPLETED', 'REJECTED', 'CANCELLED'];
/** States after which the server stops sending progress events. */
const STOP_STATES: readonly UploadState[] = [...FINAL_STATES, 'AWAITING_CONFIRMATION'];

export const OUTCOMES = [
  'ADDED',
  'UPDATED',
  'UNCHANGED',
  'SAVED_WITH_LOWER_STATUS',
  'DELETED',
  'REJECTED',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type UploadSummary = {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  savedWithLowerStatus: number;
  deleted: number;
  rejected: number;
  warnings: number;
};

export type UploadMessage = { code: string; message: string; path?: string };

export type Upload = {
  uploadId: string;
  fileName: string;
  kind: string;
  state: UploadState;
  dryRun: boolean;
  layout: string | null;
  encoding: string | null;
  duplicateOf: string | null;
  /** an archive import (formats.md §3.7): sent by an accreditor or operator for the provider below */
  archive: boolean;
  /** the provider whose data the file carries (the activity endpoints' providerId) */
  providerOrganizationId: number;
  providerName: string | null;
  providerNumber: string | null;
  rowsProcessed: number;
  receivedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  fileWarnings: UploadMessage[] | null;
  summary: UploadSummary;
};

export type UploadListItem = Pick<
  Upload,
  | 'uploadId'
  | 'fileName'
  | 'state'
  | 'dryRun'
  | 'archive'
  | 'providerOrganizationId'
  | 'providerName'
  | 'providerNumber'
  | 'receivedAt'
  | 'finishedAt'
  | 'rowsProcessed'
>;

export type RowError = {
  row?: number;
  path?: string;
  columnName?: string;
  code: string;
  message: string;
  value?: unknown;
};

export type ReportRow = {
  row: number;
  key: string | null;
  outcome: Outcome;
  change: string | null;
  parsActivityId: number | null;
  status: string | null;
  targetStatus: string | null;
  missing: { requirement: string; field?: string; message: string }[] | null;
  errors: RowError[] | null;
  warnings: RowError[] | null;
};

export type UploadReport = Upload & { rows: ReportRow[]; nextCursor: string | null };

export type StartUpload = {
  file: File;
  dryRun: boolean;
  /** archive imports: the 7-digit number of the provider whose data the file carries */
  archiveFor?: string;
};

export const reportCsvUrl = (id: string) => `${API_BASE}/uploads/${id}/report.csv`;

/** The upload template generated from the schema (formats.md §4.3). */
export const templateUrl = (kind: 'activities', format: 'xlsx' | 'csv') =>
  `${API_BASE}/templates/${kind}.${format}`;

export function useUploads() {
  return useQuery({
    queryKey: ['uploads', 'list'],
    queryFn: ({ signal }) => api<{ items: UploadListItem[] }>('/uploads', { signal }),
    select: (data) => data.items,
  });
}

export function useStartUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, archiveFor }: StartUpload) => {
      const form = new FormData();
      form.set('kind', 'activities');
      form.set('dryRun', dryRun ? 'true' : 'false');
      if (archiveFor !== undefined) {
        form.set('archive', 'true');
        form.set('providerId', archiveFor);
      }
      form.set('file', file, file.name);
      return api<Upload>('/uploads', { method: 'POST', form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['uploads', 'list'] }),
  });
}

export function useUpload(id: string) {
  return useQuery({
    queryKey: ['uploads', 'one', id],
    queryFn: ({ signal }) => api<Upload>(`/uploads/${id}`, { signal }),
  });
}

/**
 * Keeps the upload's query fresh while it runs: server-sent progress events, or, if the stream fails,
 * a fetch every second until the upload stops.
 */
export function useUploadProgress(id: string, state: UploadState | undefined) {
  const queryClient = useQueryClient();
  const running = state !== undefined && !STOP_STATES.includes(state);
  useEffect(() => {
    if (!running) return;
    const key = ['uploads', 'one', id];
    const refresh = () => queryClient.invalidateQueries({ queryKey: key });
    let timer: ReturnType<typeof setInterval> | null = null;
    const poll = () => {
      if (timer) return;
      timer = setInterval(refresh, 1000);
    };
    if (typeof EventSource === 'undefined') {
      poll();
      return () => {
        if (timer) clearInterval(timer);
      };
    }
    const source = new EventSource(`${API_BASE}/uploads/${id}/events`);
    let ended = false;
    source.addEventListener('progress', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as Pick<
          Upload,
          'state' | 'rowsProcessed' | 'summary'
        >;
        queryClient.setQueryData<Upload>(key, (old) => (old ? { ...old, ...data } : old));
        if (STOP_STATES.includes(data.state)) {
          ended = true;
          source.close();
          refresh();
        }
      } catch {
        // an unreadable event: the next one, or the fallback, brings the state
      }
    });
    source.onerror = () => {
      source.close();
      refresh();
      if (!ended) poll();
    };
    return () => {
      source.close();
      if (timer) clearInterval(timer);
    };
  }, [id, running, queryClient]);
}

export const REPORT_PAGE_SIZE = 200;

export function useUploadReport(id: string, outcome: Outcome | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['uploads', 'report', id, outcome],
    queryFn: ({ pageParam, signal }) =>
      api<UploadReport>(`/uploads/${id}/report.json`, {
        query: { outcome, cursor: pageParam, limit: REPORT_PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    enabled,
  });
}

function useUploadAction(action: 'confirm' | 'cancel') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Upload>(`/uploads/${id}:${action}`, { method: 'POST' }),
    onSuccess: (_data, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['uploads', 'one', id] }),
        queryClient.invalidateQueries({ queryKey: ['uploads', 'list'] }),
      ]),
  });
}

export const useConfirmUpload = () => useUploadAction('confirm');
export const useCancelUpload = () => useUploadAction('cancel');

/**
 * The live activity a report row's key names, for the "Fix this activity" link. Looked up within the
 * upload's provider: an accreditor reads many providers, whose keys may coincide.
 */
export function useActivityByKey(key: string | null, providerId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['uploads', 'activity-by-key', providerId, (key ?? '').trim().toLowerCase()],
    queryFn: ({ signal }) =>
      api<Page<ActivityListItem>>('/activities', {
        query: { providerActivityId: key?.trim(), providerId, limit: 1 },
        signal,
      }),
    select: (data) => data.items[0] ?? null,
    enabled: enabled && !!key?.trim(),
    staleTime: 60_000,
  });
}
