import { Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type Activity,
  type ActivityHistoryEntry,
  type Requirement,
  useActivity,
  useActivityHistory,
  useCopyActivity,
  useDeleteActivity,
} from '../../api/activities';
import { errorMessage } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DetailList } from '../../components/DetailList';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Page } from '../../components/Page';
import { ActivityStatusBadge } from '../../components/StatusBadge';
import { activityStatusLabel, fieldLabel } from '../../lib/activity-labels';
import { formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { changedFields } from '../audit/diff';
import { ActivityView } from './ActivityView';
import { formatHistoryValue, snapshot } from './history-format';

export function ActivityDetailPage({ id }: { id: string }) {
  const activity = useActivity(id);
  const a = activity.data;
  return (
    <Page
      title={a?.title ?? 'Activity'}
      intro={
        a
          ? `PARS ID ${a.parsActivityId}${a.providerActivityId ? ` · Your ID ${a.providerActivityId}` : ''}`
          : undefined
      }
      actions={a && <Actions activity={a} />}
    >
      <AnchorLink to="/activities" size="sm">
        ← All activities
      </AnchorLink>
      {activity.isPending && <Loading label="Loading the activity…" />}
      {activity.isError && <LoadError error={activity.error} onRetry={() => activity.refetch()} />}
      {a && (
        <>
          <StatusCard activity={a} />
          <ActivityView activity={a} />
          <HistoryCard id={id} />
        </>
      )}
    </Page>
  );
}

function Actions({ activity: a }: { activity: Activity }) {
  const { can, organization } = useSession();
  const navigate = useNavigate();
  const id = String(a.parsActivityId);
  const copy = useCopyActivity(id);
  const remove = useDeleteActivity(id);
  const [confirming, setConfirming] = useState(false);
  if (organization?.kind !== 'PROVIDER' || !can('activities.edit')) return null;

  const doCopy = () =>
    copy.mutate(undefined, {
      onSuccess: (created) => {
        notifications.show({
          color: 'green',
          title: 'Copy created',
          message: `A new draft, PARS ID ${created.parsActivityId}, has every field but the IDs, attestations and enduring counts. Give it its own ID and dates.`,
        });
        navigate({ to: '/activities/$id/edit', params: { id: String(created.parsActivityId) } });
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not copied', message: errorMessage(error) }),
    });

  const doDelete = () =>
    remove.mutate(a.version, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          title: 'Activity deleted',
          message: `${a.title} (PARS ID ${id}) was deleted.${a.providerActivityId ? ` The ID ${a.providerActivityId} is free again.` : ''}`,
        });
        navigate({ to: '/activities' });
      },
    });

  return (
    <>
      <ButtonLink to="/activities/$id/edit" params={{ id }}>
        Edit
      </ButtonLink>
      <Button variant="default" onClick={doCopy} loading={copy.isPending}>
        Copy
      </Button>
      <Button
        variant="outline"
        color="red.9"
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
      >
        Delete
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Delete this activity?"
        confirmLabel="Delete activity"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onConfirm={doDelete}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm" mb="xs">
          “{a.title}” (PARS ID {id}) disappears from your lists and reports. The record is kept for the audit
          trail
          {a.providerActivityId ? `, and the ID ${a.providerActivityId} becomes free for a new activity` : ''}
          .
        </Text>
        <Text size="sm">
          OpenPARS refuses the deletion while the activity has learner records or its reporting year is
          locked.
        </Text>
      </ConfirmDialog>
    </>
  );
}

function StatusCard({ activity: a }: { activity: Activity }) {
  const { can, organization } = useSession();
  const canEdit = organization?.kind === 'PROVIDER' && can('activities.edit');
  const missing = a.missingRequirements ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="status-title">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="status-title">
            Status
          </Title>
          <ActivityStatusBadge status={a.status} size="lg" />
        </Group>
        <DetailList
          cols={3}
          items={[
            { label: 'Aiming for', value: activityStatusLabel(a.targetStatus) },
            { label: 'Reporting year', value: String(a.reportingYear) },
            { label: 'Last changed', value: formatDateTime(a.updatedAt) },
            ...(a.ruleSet !== 'CURRENT' ? [{ label: 'Rule set', value: a.ruleSet }] : []),
            ...(a.repeatGroupId ? [{ label: 'Repeat group', value: a.repeatGroupId }] : []),
          ]}
        />
        {a.targetStatus === 'DRAFT' ? (
          <Text size="sm">Kept as a draft, as requested: change the requested status when it is ready.</Text>
        ) : missing.length === 0 ? (
          <Text size="sm">Nothing is missing for {activityStatusLabel(a.targetStatus).toLowerCase()}.</Text>
        ) : (
          <div>
            <Text size="sm" mb={4}>
              Still missing for {activityStatusLabel(a.targetStatus).toLowerCase()} ({missing.length}):
            </Text>
            <MissingList id={String(a.parsActivityId)} items={missing} linkToEdit={canEdit} />
          </div>
        )}
      </Stack>
    </Card>
  );
}

function MissingList({ id, items, linkToEdit }: { id: string; items: Requirement[]; linkToEdit: boolean }) {
  return (
    <List size="sm" spacing={4} aria-label="Missing requirements">
      {items.map((m) => {
        const label = `${m.requirement} · ${fieldLabel(m.field)}`;
        return (
          <List.Item key={`${m.requirement}-${m.field}-${m.message}`}>
            {linkToEdit ? (
              <AnchorLink
                to="/activities/$id/edit"
                params={{ id }}
                search={{ focus: m.field }}
                fw={600}
                size="sm"
              >
                {label}
              </AnchorLink>
            ) : (
              <Text span fw={600} size="sm">
                {label}
              </Text>
            )}{' '}
            — {m.message}
          </List.Item>
        );
      })}
    </List>
  );
}

function HistoryCard({ id }: { id: string }) {
  const history = useActivityHistory(id);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="history-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="history-title">
          Change history
        </Title>
        {history.isPending && <Loading label="Loading the history…" />}
        {history.isError && <LoadError error={history.error} onRetry={() => history.refetch()} />}
        {history.data?.length === 0 && <EmptyNote>No changes recorded.</EmptyNote>}
        {history.data && history.data.length > 0 && (
          <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {history.data.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

const ACTIONS: Record<string, string> = { CREATE: 'Created', UPDATE: 'Changed', DELETE: 'Deleted' };
const CHANNELS: Record<string, string> = {
  WEB: 'on the web',
  API: 'through the API',
  UPLOAD: 'by upload',
  SYSTEM: 'by OpenPARS',
  SEED: 'as demo data',
};

function HistoryEntry({ entry }: { entry: ActivityHistoryEntry }) {
  const before = snapshot(entry.before);
  const after = snapshot(entry.after);
  const who = entry.actorName ?? (entry.channel === 'API' ? 'An API key' : 'OpenPARS');
  const changes = entry.action === 'UPDATE' ? changedFields(before, after) : [];
  return (
    <li>
      <Card withBorder padding="sm" bg="gray.0">
        <Stack gap={6}>
          <Text size="sm">
            <strong>{ACTIONS[entry.action] ?? entry.action}</strong> by {who} {CHANNELS[entry.channel] ?? ''},{' '}
            {formatDateTime(entry.at)}
          </Text>
          {entry.action === 'CREATE' && after && (
            <Text size="sm" c="dimmed">
              Created with status {activityStatusLabel(String(after.status ?? '')).toLowerCase() || 'unknown'}
              .
            </Text>
          )}
          {entry.action === 'UPDATE' &&
            (changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                No field changed.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table withTableBorder layout="fixed" fz="sm" bg="white">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w="28%">Field</Table.Th>
                      <Table.Th>Before</Table.Th>
                      <Table.Th>After</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.map((c) => (
                      <Table.Tr key={c.key}>
                        <Table.Th scope="row" fw={500} className="break-anywhere">
                          {fieldLabel(c.key)}
                        </Table.Th>
                        <Table.Td className="preserve-lines">{formatHistoryValue(c.key, c.before)}</Table.Td>
                        <Table.Td className="preserve-lines">{formatHistoryValue(c.key, c.after)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ))}
        </Stack>
      </Card>
    </li>
  );
}
