import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { OutboxMessage } from './types';

export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: ({ signal }) => api<{ items: OutboxMessage[] }>('/outbox', { signal }),
    // Newest first, whatever order the server keeps.
    select: (data) => [...data.items].sort(newestFirst),
    refetchInterval: 10_000,
  });
}

function newestFirst(a: OutboxMessage, b: OutboxMessage): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return Number(b.id) - Number(a.id);
}
