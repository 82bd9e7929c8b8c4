import { Button, Center, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, Fragment, useState } from 'react';
import { type AuditFilters, useAuditTrail } from '../../api/audit';
import type { AuditEntry } from '../../api/types';
import { AutocompleteField, DateField } from '../../components/form/fields';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { FIELD_HELP } from '../../help/field-help';
import { formatDateTime } from '../../lib/dates';
import { AuditChanges } from './AuditChanges';

const NO_FILTERS: AuditFilters = { entityType: '', action: '', from: '', to: '' };

export function AuditPage() {
  const [draft, setDraft] = useState(NO_FILTERS);
  const [filters, setFilters] = useState(NO_FILTERS);
  const audit = useAuditTrail(filters);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  // Suggest the kinds of record and action already on screen; the server matches them exactly.
  const entityTypes = unique(entries.map((e) => e.entityType));
  const actions = unique(entries.map((e) => e.action));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      entityType: draft.entityType.trim(),
      action: draft.action.trim(),
      from: draft.from,
      to: draft.to,
    });
  };

  return (
    <Page
      title="Audit trail"
      intro="Every change to your organisation’s records: who made it, when, through which channel, and what changed. Entries can never be edited or deleted."
    >
      <form onSubmit={apply} aria-label="Filter the audit trail">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <AutocompleteField
              label="Record"
              help={FIELD_HELP['audit.entityType']}
              data={entityTypes}
              value={draft.entityType}
              onChange={(value) => setDraft({ ...draft, entityType: value })}
            />
            <AutocompleteField
              label="Action"
              help={FIELD_HELP['audit.action']}
              data={actions}
              value={draft.action}
              onChange={(value) => setDraft({ ...draft, action: value })}
            />
            <DateField
              label="From"
              help={FIELD_HELP['audit.from']}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
            <DateField
              label="To"
              help={FIELD_HELP['audit.to']}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">Apply filters</Button>
            {filtered && (
              <Button
                variant="default"
                onClick={() => {
                  setDraft(NO_FILTERS);
                  setFilters(NO_FILTERS);
                }}
              >
                Clear filters
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {audit.isPending && <Loading label="Loading the audit trail…" />}
      {audit.isError && <LoadError error={audit.error} onRetry={() => audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && (
        <EmptyNote>{filtered ? 'No entries match these filters.' : 'No entries yet.'}</EmptyNote>
      )}
      {entries.length > 0 && (
        <Stack gap="sm">
          <AuditTable entries={entries} />
          <Center>
            {audit.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => audit.fetchNextPage()}
                loading={audit.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                End of the audit trail.
              </Text>
            )}
          </Center>
        </Stack>
      )}
    </Page>
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Record</Table.Th>
            <Table.Th>
              <Text span size="sm" fw={700}>
                Changes
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const id = String(entry.id);
            const open = expanded.has(id);
            const detailsId = `audit-changes-${id}`;
            return (
              <Fragment key={id}>
                <Table.Tr>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    {entry.actor ? (
                      <>
                        <Text size="sm">{entry.actor.name}</Text>
                        <Text size="xs" c="dimmed" className="break-anywhere">
                          {entry.actor.email}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {entry.actorApiKeyId ? 'API key' : 'OpenPARS'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{entry.channel}</Table.Td>
                  <Table.Td>{entry.action}</Table.Td>
                  <Table.Td className="break-anywhere">
                    {entry.entityType} {entry.entityId}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => toggle(id)}
                      aria-label={`${open ? 'Hide' : 'Show'} changes: ${entry.action} ${entry.entityType}, ${formatDateTime(entry.at)}`}
                      aria-expanded={open}
                      aria-controls={open ? detailsId : undefined}
                    >
                      {open ? 'Hide' : 'Show'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={6} bg="gray.0">
                      <AuditChanges before={entry.before} after={entry.after} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
