import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { CodeItem, CodeList } from './types';

export const codeListQuery = (list: string) =>
  queryOptions({
    queryKey: ['codes', list],
    queryFn: async ({ signal }) => {
      const result = await api<CodeList>(`/codes/${list}`, { signal });
      // Countries are keyed by alpha-3; normalise so every list offers `code`.
      return result.items.map((item): CodeItem => ({ ...item, code: item.code ?? item.alpha3 ?? '' }));
    },
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useCodeList(list: 'provider-types' | 'states' | 'countries') {
  return useQuery(codeListQuery(list));
}

/** Select options `{value, label}` of a code list. */
export function useCodeOptions(list: 'provider-types' | 'states' | 'countries') {
  const query = useCodeList(list);
  const options = (query.data ?? []).map((item) => ({ value: item.code, label: item.name }));
  return { ...query, options };
}

/** The name of a code, or the code itself while the list loads or when it is unknown. */
export function useCodeName(
  list: 'provider-types' | 'states' | 'countries',
  code: string | null | undefined,
) {
  const { data } = useCodeList(list);
  if (!code) return '';
  return data?.find((item) => item.code === code)?.name ?? code;
}
