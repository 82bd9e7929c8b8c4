import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  List,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  FINAL_STATES,
  OUTCOMES,
  type Outcome,
  type ReportRow,
  reportCsvUrl,
  type Upload,
  useActivityByKey,
  useCancelUpload,
  useConfirmUpload,
  useUpload,
  useUploadProgress,
  useUploadReport,
} from '../../api/uploads';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { ActivityStatusBadge } from '../../components/StatusBadge';
import { activityStatusLabel } from '../../lib/activity-labels';
import { formatDateTime } from '../../lib/dates';
import { OUTCOME_COLORS, OUTCOME_LABELS, UPLOAD_STATE_LABELS, UploadStateBadge } from './upload-labels';

export function UploadDetailPage({ id }: { id: string }) {
  const upload = useUpload(id);
  useUploadProgress(id, upload.data?.state);

  if (upload.isPending) return <Loading label="Loading the upload…" />;
  if (upload.isError) {
    return (
      <Page title="Upload">
        <LoadError error={upload.error} onRetry={() => upload.refetch()} />
      </Page>
    );
  }
  const data = upload.data;
  return (
    <Page
      title={`Upload: ${data.fileName}`}
      intro={
        <>
          Received {formatDateTime(data.receivedAt)}
          {data.layout && <> · layout {data.layout}</>}
          {data.encoding && <> · {data.encoding}</>}
        </>
      }
    >
      <AnchorLink to="/uploads" size="sm">
        ← All uploads
      </AnchorLink>
      <Group gap="sm">
        <UploadStateBadge state={data.state} />
        {data.dryRun && (
          <Badge color="gray" variant="outline">
            Dry run — nothing saved
          </Badge>
        )}
      </Group>
      <ProgressPanel upload={data} />
      {data.state === 'AWAITING_CONFIRMATION' && <DuplicatePanel upload={data} />}
      {data.error && (
        <Alert color="red" title="The file was rejected" role="alert">
          <Text size="sm">
            <Code>{data.error.code}</Code> {data.error.message}
          </Text>
          <Text size="sm" mt="xs">
            Nothing from this file was saved. Fix the file and upload it again.
          </Text>
        </Alert>
      )}
      {data.fileWarnings && data.fileWarnings.length > 0 && (
        <Alert color="yellow" title="Notes about the file">
          <List size="sm" spacing={4}>
            {data.fileWarnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity of their own
              <List.Item key={i}>
                <Code>{w.code}</Code> {w.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {data.state === 'COMPLETED' && <Results upload={data} />}
    </Page>
  );
}

function ProgressPanel({ upload }: { upload: Upload }) {
  const done = FINAL_STATES.includes(upload.state);
  const running = upload.state === 'PROCESSING' || upload.state === 'RECEIVED';
  const total = upload.summary.rows;
  const value = done
    ? 100
    : total > 0
      ? Math.min(100, (upload.rowsProcessed / total) * 100)
      : running
        ? 100
        : 0;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text size="sm" aria-live="polite">
          {UPLOAD_STATE_LABELS[upload.state]} — {upload.rowsProcessed.toLocaleString()}{' '}
          {upload.rowsProcessed === 1 ? 'row' : 'rows'} processed
        </Text>
        <Progress.Root size="lg">
          <Progress.Section
            value={value}
            animated={running}
            striped={running}
            color={upload.state === 'REJECTED' ? 'red' : upload.state === 'CANCELLED' ? 'gray' : 'blue'}
            aria-label="Upload progress"
            aria-valuetext={`${UPLOAD_STATE_LABELS[upload.state]}, ${upload.rowsProcessed} rows processed`}
          />
        </Progress.Root>
      </Stack>
    </Paper>
  );
}

function DuplicatePanel({ upload }: { upload: Upload }) {
  const confirm = useConfirmUpload();
  const cancel = useCancelUpload();
  const error = confirm.error ?? cancel.error;
  return (
    <Alert color="yellow" title="This file was uploaded before">
      <Stack gap="sm">
        <Text size="sm">
          The same file (byte for byte) was already processed
          {upload.duplicateOf && (
            <>
              {' '}
              in{' '}
              <AnchorLink to="/uploads/$id" params={{ id: upload.duplicateOf }} underline="always">
                an earlier upload
              </AnchorLink>
            </>
          )}
          . Processing it again changes nothing unless records were edited since then; those are set back to
          the file's values. Do you want to process it anyway?
        </Text>
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {errorMessage(error)}
          </Text>
        )}
        <Group gap="sm">
          <Button
            loading={confirm.isPending}
            disabled={cancel.isPending}
            onClick={() => confirm.mutate(upload.uploadId)}
          >
            Confirm and process
          </Button>
          <Button
            variant="outline"
            color="red.8"
            loading={cancel.isPending}
            disabled={confirm.isPending}
            onClick={() =>
              cancel.mutate(upload.uploadId, {
                onSuccess: () => notifications.show({ color: 'green', message: 'The upload is cancelled.' }),
              })
            }
          >
            Cancel upload
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

const COUNTS: [Outcome, keyof Upload['summary']][] = [
  ['ADDED', 'added'],
  ['UPDATED', 'updated'],
  ['UNCHANGED', 'unchanged'],
  ['SAVED_WITH_LOWER_STATUS', 'savedWithLowerStatus'],
  ['DELETED', 'deleted'],
  ['REJECTED', 'rejected'],
];

function Results({ upload }: { upload: Upload }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const report = useUploadReport(upload.uploadId, outcome, true);
  const rows = report.data?.pages.flatMap((p) => p.rows) ?? [];
  const { summary } = upload;

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {upload.dryRun ? 'What would happen' : 'Results'}
      </Title>
      <Text size="sm">
        {summary.rows.toLocaleString()} {summary.rows === 1 ? 'row' : 'rows'} read,{' '}
        {summary.warnings.toLocaleString()} {summary.warnings === 1 ? 'warning' : 'warnings'}.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} component="dl" m={0}>
        {COUNTS.map(([key, field]) => (
          <Paper key={key} withBorder p="sm">
            <Text component="dt" size="xs" c="dimmed">
              {OUTCOME_LABELS[key]}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl" data-testid={`count-${key}`}>
              {summary[field].toLocaleString()}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group justify="space-between" align="flex-end">
        <Select
          label="Show rows"
          data={[
            { value: '', label: 'All outcomes' },
            ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
          ]}
          value={outcome ?? ''}
          onChange={(value) => setOutcome((value || null) as Outcome | null)}
          allowDeselect={false}
          w={260}
        />
        <Anchor href={reportCsvUrl(upload.uploadId)} download size="sm">
          Download report (CSV)
        </Anchor>
      </Group>
      {report.isPending && <Loading label="Loading the report…" />}
      {report.isError && <LoadError error={report.error} onRetry={() => report.refetch()} />}
      {report.data && rows.length === 0 && <EmptyNote>No rows with this outcome.</EmptyNote>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" aria-label="Rows of the file">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <ReportRowView key={row.row} row={row} dryRun={upload.dryRun} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {report.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={report.isFetchingNextPage}
            onClick={() => report.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ReportRowView({ row, dryRun }: { row: ReportRow; dryRun: boolean }) {
  const errors = row.errors ?? [];
  const warnings = row.warnings ?? [];
  const missing = row.missing ?? [];
  return (
    <Table.Tr>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td>
        {row.parsActivityId && !dryRun ? (
          <AnchorLink to="/activities/$id" params={{ id: String(row.parsActivityId) }}>
            {row.key ?? row.parsActivityId}
          </AnchorLink>
        ) : (
          (row.key ?? '—')
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={OUTCOME_COLORS[row.outcome] ?? 'gray'}>
          {OUTCOME_LABELS[row.outcome] ?? row.outcome}
        </Badge>
        {row.change && row.outcome === 'SAVED_WITH_LOWER_STATUS' && (
          <Text size="xs" c="dimmed">
            {row.change.toLowerCase()}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.status ? <ActivityStatusBadge status={row.status} size="sm" /> : '—'}
        {row.targetStatus && row.targetStatus !== row.status && (
          <Text size="xs" c="dimmed">
            target: {activityStatusLabel(row.targetStatus)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          {errors.length > 0 && (
            <List size="sm" spacing={4} aria-label={`Reasons row ${row.row} was rejected`}>
              {errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no identity of their own
                <List.Item key={i}>
                  <Code>{e.code}</Code>
                  {(e.columnName || e.path) && <> in column “{e.columnName ?? e.path}”</>}
                  {e.value !== undefined && e.value !== null && e.value !== '' && (
                    <> (value “{String(e.value)}”)</>
                  )}
                  : {e.message}
                </List.Item>
              ))}
            </List>
          )}
          {missing.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                Missing for {row.targetStatus ? activityStatusLabel(row.targetStatus) : 'the target status'}:
              </Text>
              <List size="sm" spacing={4}>
                {missing.map((m) => (
                  <List.Item key={`${m.requirement}-${m.field ?? ''}`}>
                    <Code>{m.requirement}</Code>
                    {m.field && <> ({m.field})</>} {m.message}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {warnings.length > 0 && (
            <List size="sm" spacing={4} c="yellow.9">
              {warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity of their own
                <List.Item key={i}>
                  Warning <Code>{w.code}</Code>
                  {w.columnName && <> in column “{w.columnName}”</>}: {w.message}
                </List.Item>
              ))}
            </List>
          )}
          {(row.outcome === 'REJECTED' || row.outcome === 'SAVED_WITH_LOWER_STATUS') && (
            <FixLink row={row} dryRun={dryRun} />
          )}
          {errors.length === 0 && missing.length === 0 && warnings.length === 0 && (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** "Fix this activity" when the row names a stored activity, by its PARS ID or its key. */
function FixLink({ row, dryRun }: { row: ReportRow; dryRun: boolean }) {
  // A dry run's IDs for new rows were never saved: look the key up instead.
  const saved = dryRun ? null : row.parsActivityId;
  const byKey = useActivityByKey(row.key, !saved);
  const id = saved ?? byKey.data?.parsActivityId;
  if (!id) return null;
  return (
    <AnchorLink to="/activities/$id/edit" params={{ id: String(id) }} size="sm" fw={600}>
      Fix this activity
    </AnchorLink>
  );
}
