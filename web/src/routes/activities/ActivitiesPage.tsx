import { Button, Card, Center, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { memo, useEffect, useMemo, useState } from 'react';
import { type ActivityListItem, useActivities } from '../../api/activities';
import { useOrganization } from '../../api/organizations';
import { useProviders } from '../../api/providers';
import { SelectField, TextField } from '../../components/form/fields';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Page } from '../../components/Page';
import { ActivityStatusBadge } from '../../components/StatusBadge';
import { FIELD_HELP } from '../../help/field-help';
import {
  ACTIVITY_STATUS_LABELS,
  activityStatusLabel,
  certifyingBoards,
  codeLabel,
  formatOptions,
} from '../../lib/activity-labels';
import { formatDate } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { useToday } from './form/use-rule-context';
import type { ActivitiesSearch } from './search';

const STATUS_OPTIONS = Object.entries(ACTIVITY_STATUS_LABELS).map(([value, label]) => ({ value, label }));
const YES_NO_ANY = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];
const SORT_OPTIONS = [
  { value: 'id', label: 'Newest first' },
  { value: 'endDate', label: 'End date, latest first' },
  { value: 'title', label: 'Title, A to Z' },
];

export function ActivitiesPage({ search }: { search: ActivitiesSearch }) {
  const { can, organization } = useSession();
  const navigate = useNavigate();
  const isProvider = organization?.kind === 'PROVIDER';
  const canEdit = isProvider && can('activities.edit');
  const update = (patch: Partial<ActivitiesSearch>) =>
    navigate({ to: '/activities', search: (prev) => ({ ...prev, ...patch }), replace: true });

  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced search text moves the address
  useEffect(() => {
    if ((search.q ?? '') !== q) update({ q: q || undefined });
  }, [q]);

  const activities = useActivities(search);
  const items = useMemo(() => activities.data?.pages.flatMap((page) => page.items) ?? [], [activities.data]);
  const filtered = Object.entries(search).some(([key, v]) => key !== 'sort' && key !== 'providerId' && v);
  const showProvider = !isProvider && !search.providerId;
  // Below the small breakpoint a table of eight columns would scroll sideways: show cards instead.
  const narrow = useMediaQuery('(max-width: 47.99em)');

  return (
    <Page
      title="Activities"
      intro={
        isProvider
          ? 'Your accredited activities: their status, what each still needs, and their history.'
          : 'The activities your providers report. Read-only: providers keep their own records.'
      }
      actions={canEdit && <ButtonLink to="/activities/new">New activity</ButtonLink>}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: isProvider ? 1 : 2 }} maw={isProvider ? 520 : 900}>
          {!isProvider && (
            <ProviderPicker value={search.providerId} onChange={(providerId) => update({ providerId })} />
          )}
          <TextField
            label="Search activities"
            help={FIELD_HELP['activities.q']}
            type="search"
            placeholder="Title, PARS ID or your activity ID"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Filters search={search} update={update} />
        {filtered && (
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setText('');
                navigate({
                  to: '/activities',
                  search: { sort: search.sort, providerId: search.providerId },
                  replace: true,
                });
              }}
            >
              Clear search and filters
            </Button>
          </Group>
        )}
      </Stack>

      {activities.isPending && <Loading label="Loading activities…" />}
      {activities.isError && <LoadError error={activities.error} onRetry={() => activities.refetch()} />}
      {activities.isSuccess && items.length === 0 && (
        <EmptyNote>
          {filtered ? 'No activity matches this search and these filters.' : 'No activities yet.'}
          {!filtered && canEdit && (
            <>
              {' '}
              <AnchorLink to="/activities/new">Create your first activity</AnchorLink>.
            </>
          )}
        </EmptyNote>
      )}
      {items.length > 0 && (
        <Stack gap="sm">
          {narrow ? (
            <ActivityCards items={items} showProvider={showProvider} />
          ) : (
            <ActivitiesTable items={items} showProvider={showProvider} />
          )}
          <Center>
            {activities.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => activities.fetchNextPage()}
                loading={activities.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed" role="status">
                {items.length === 1 ? 'One activity.' : `All ${items.length} activities shown.`}
              </Text>
            )}
          </Center>
        </Stack>
      )}
    </Page>
  );
}

function Filters({
  search,
  update,
}: {
  search: ActivitiesSearch;
  update: (patch: Partial<ActivitiesSearch>) => void;
}) {
  const thisYear = Number(useToday().slice(0, 4));
  const years = Array.from({ length: thisYear + 3 - 2010 + 1 }, (_, i) => String(thisYear + 3 - i));
  const boards = certifyingBoards().map((b) => ({ value: b.code, label: `${b.code} — ${b.name}` }));
  const flagValue = (v: boolean | undefined) => (v === undefined ? null : String(v));
  const toFlag = (v: string | null) => (v === null ? undefined : v === 'true');
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
      <SelectField
        label="Status"
        help={FIELD_HELP['activities.status']}
        data={STATUS_OPTIONS}
        placeholder="Any"
        value={search.status ?? null}
        onChange={(v) => update({ status: (v ?? undefined) as ActivitiesSearch['status'] })}
        clearable
      />
      <SelectField
        label="Format"
        help={FIELD_HELP['activities.format']}
        data={formatOptions()}
        placeholder="Any"
        value={search.format ?? null}
        onChange={(v) => update({ format: v ?? undefined })}
        clearable
        searchable
        comboboxProps={{ width: 280, position: 'bottom-start' }}
      />
      <SelectField
        label="Year"
        help={FIELD_HELP['activities.year']}
        data={years}
        placeholder="Any"
        value={search.year ? String(search.year) : null}
        onChange={(v) => update({ year: v ? Number(v) : undefined })}
        clearable
        searchable
      />
      <SelectField
        label="MOC board"
        help={FIELD_HELP['activities.board']}
        data={boards}
        placeholder="Any"
        value={search.board ?? null}
        onChange={(v) => update({ board: v ?? undefined })}
        clearable
        searchable
        comboboxProps={{ width: 320, position: 'bottom-start' }}
      />
      <SelectField
        label="REMS"
        help={FIELD_HELP['activities.rems']}
        data={YES_NO_ANY}
        placeholder="Any"
        value={flagValue(search.rems)}
        onChange={(v) => update({ rems: toFlag(v) })}
        clearable
      />
      <SelectField
        label="MIPS"
        help={FIELD_HELP['activities.mips']}
        data={YES_NO_ANY}
        placeholder="Any"
        value={flagValue(search.mips)}
        onChange={(v) => update({ mips: toFlag(v) })}
        clearable
      />
      <SelectField
        label="Sort"
        help={FIELD_HELP['activities.sort']}
        data={SORT_OPTIONS}
        value={search.sort ?? 'id'}
        onChange={(v) => update({ sort: v === 'id' || !v ? undefined : (v as ActivitiesSearch['sort']) })}
        allowDeselect={false}
        comboboxProps={{ width: 240, position: 'bottom-end' }}
      />
    </SimpleGrid>
  );
}

/** Accreditors: one of their providers, searched on the server by name or number. */
function ProviderPicker({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (providerId: number | undefined) => void;
}) {
  const selected = useOrganization(value ?? null);
  const selectedLabel = selected.data
    ? `${selected.data.name} (${selected.data.provider?.providerNumber ?? selected.data.id})`
    : '';
  const [searchText, setSearchText] = useState('');
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  const providers = useProviders({ q: debounced === selectedLabel ? '' : debounced });
  const options = new Map<string, string>();
  if (value && selectedLabel) options.set(String(value), selectedLabel);
  for (const p of providers.data?.pages.flatMap((page) => page.items) ?? []) {
    options.set(String(p.id), `${p.name} (${p.providerNumber})`);
  }
  return (
    <SelectField
      label="Provider"
      help={FIELD_HELP['activities.provider']}
      placeholder="All your providers"
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      value={value ? String(value) : null}
      onChange={(v) => onChange(v ? Number(v) : undefined)}
      searchValue={searchText}
      onSearchChange={setSearchText}
      searchable
      clearable
      nothingFoundMessage={providers.isFetching ? 'Searching…' : 'No provider found'}
    />
  );
}

function ActivitiesTable({ items, showProvider }: { items: ActivityListItem[]; showProvider: boolean }) {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>PARS ID</Table.Th>
            <Table.Th>Your ID</Table.Th>
            <Table.Th>Title</Table.Th>
            {showProvider && <Table.Th>Provider</Table.Th>}
            <Table.Th>Format</Table.Th>
            <Table.Th>Dates</Table.Th>
            <Table.Th miw={140}>Status</Table.Th>
            <Table.Th>Missing</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <ActivityRow key={a.parsActivityId} activity={a} showProvider={showProvider} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// Rows already on screen do not re-render when "Load more" appends a page.
const ActivityRow = memo(function ActivityRow({
  activity: a,
  showProvider,
}: {
  activity: ActivityListItem;
  showProvider: boolean;
}) {
  const id = String(a.parsActivityId);
  return (
    <Table.Tr>
      <Table.Td>{id}</Table.Td>
      <Table.Td className="break-anywhere">{a.providerActivityId}</Table.Td>
      <Table.Td>
        <AnchorLink to="/activities/$id" params={{ id }} fw={600} className="break-anywhere">
          {a.title}
        </AnchorLink>
      </Table.Td>
      {showProvider && <ProviderCell providerId={a.providerId} />}
      <Table.Td>
        <Text size="sm" title={codeLabel('activity-types', a.format)}>
          {codeLabel('activity-types', a.format)}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Dates activity={a} />
      </Table.Td>
      <Table.Td>
        <ActivityStatusBadge status={a.status} />
      </Table.Td>
      <Table.Td>
        <Missing activity={a} />
      </Table.Td>
    </Table.Tr>
  );
});

function ProviderCell({ providerId }: { providerId: number }) {
  // Cached per provider: a page of one provider's activities asks once.
  const org = useOrganization(providerId);
  return <Table.Td>{org.data?.name ?? `Provider ${providerId}`}</Table.Td>;
}

function Dates({ activity: a }: { activity: ActivityListItem }) {
  return (
    <>
      {formatDate(a.startDate)}
      {a.endDate !== a.startDate && (
        <>
          {' '}
          <span aria-hidden>–</span>
          <VisuallyHidden>to</VisuallyHidden> {formatDate(a.endDate)}
        </>
      )}
    </>
  );
}

function Missing({ activity: a }: { activity: ActivityListItem }) {
  const missing = [...new Set(a.missingRequirements ?? [])];
  if (missing.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        <span aria-hidden>—</span>
        <VisuallyHidden>Nothing missing</VisuallyHidden>
      </Text>
    );
  }
  return (
    <>
      <Text size="sm">
        {missing.length} missing for {activityStatusLabel(a.targetStatus).toLowerCase()}
      </Text>
      <Text size="xs" c="dimmed">
        {missing.join(', ')}
      </Text>
    </>
  );
}

/** Narrow screens: one card per activity, every column still there. */
function ActivityCards({ items, showProvider }: { items: ActivityListItem[]; showProvider: boolean }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((a) => (
        <ActivityCard key={a.parsActivityId} activity={a} showProvider={showProvider} />
      ))}
    </Stack>
  );
}

const ActivityCard = memo(function ActivityCard({
  activity: a,
  showProvider,
}: {
  activity: ActivityListItem;
  showProvider: boolean;
}) {
  const id = String(a.parsActivityId);
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <AnchorLink to="/activities/$id" params={{ id }} fw={600} className="break-anywhere">
            {a.title}
          </AnchorLink>
          <ActivityStatusBadge status={a.status} />
        </Group>
        <Text size="sm" c="dimmed" className="break-anywhere">
          PARS ID {id}
          {a.providerActivityId ? ` · ${a.providerActivityId}` : ''}
        </Text>
        {showProvider && <ProviderName providerId={a.providerId} />}
        <Text size="sm">
          {codeLabel('activity-types', a.format)} · <Dates activity={a} />
        </Text>
        <Missing activity={a} />
      </Stack>
    </Card>
  );
});

function ProviderName({ providerId }: { providerId: number }) {
  const org = useOrganization(providerId);
  return <Text size="sm">{org.data?.name ?? `Provider ${providerId}`}</Text>;
}
