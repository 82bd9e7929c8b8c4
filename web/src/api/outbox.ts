import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { OutboxMessage } from './types';

export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: ({ signal }) => api<{ items: OutboxMessage[] }>('/outbox', { signal }),
    // Newest first, whatever order the server keeps.
    select: (data) => [...data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    refetchInterval: 10_000,
  });
}
