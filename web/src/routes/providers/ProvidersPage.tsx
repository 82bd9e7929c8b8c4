import { Button, Center, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCodeList } from '../../api/codes';
import { useProviders } from '../../api/providers';
import type { ProviderListItem } from '../../api/types';
import { TextField } from '../../components/form/fields';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Page } from '../../components/Page';
import { AccreditationStatusBadge } from '../../components/StatusBadge';
import { FIELD_HELP } from '../../help/field-help';
import { formatDate } from '../../lib/dates';
import { useSession } from '../../lib/session';

export function ProvidersPage() {
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const providers = useProviders({ q });
  const items = providers.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title="Providers"
      intro="The accredited providers your organisation oversees."
      actions={can('providers.manage') && <ButtonLink to="/providers/new">New provider</ButtonLink>}
    >
      <TextField
        label="Search providers"
        help={FIELD_HELP['providers.q']}
        type="search"
        placeholder="Name or provider number"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {providers.isPending && <Loading label="Loading providers…" />}
      {providers.isError && <LoadError error={providers.error} onRetry={() => providers.refetch()} />}
      {providers.isSuccess && items.length === 0 && (
        <EmptyNote>{q ? `No provider matches “${q}”.` : 'No providers yet.'}</EmptyNote>
      )}
      {items.length > 0 && (
        <Stack gap="sm">
          <ProvidersTable items={items} />
          <Center>
            {providers.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => providers.fetchNextPage()}
                loading={providers.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed" role="status">
                {items.length === 1 ? 'One provider.' : `All ${items.length} providers shown.`}
              </Text>
            )}
          </Center>
        </Stack>
      )}
    </Page>
  );
}

function ProvidersTable({ items }: { items: ProviderListItem[] }) {
  const { data: types } = useCodeList('provider-types');
  const typeName = (code: string) => types?.find((t) => t.code === code)?.name ?? code;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Number</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>Accreditor</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Term ends</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <AnchorLink to="/providers/$id" params={{ id: String(p.id) }} fw={600}>
                  {p.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{p.providerNumber}</Table.Td>
              <Table.Td>{typeName(p.organizationType)}</Table.Td>
              <Table.Td>{[p.city, p.state].filter(Boolean).join(', ')}</Table.Td>
              <Table.Td>{p.accreditor.code ?? p.accreditor.name}</Table.Td>
              <Table.Td>
                <AccreditationStatusBadge status={p.accreditationStatus} />
              </Table.Td>
              <Table.Td>{formatDate(p.termEnd)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
