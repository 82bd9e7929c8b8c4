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
  reportCsvUrl,
  type Upload,
  useCancelUpload,
  useConfirmUpload,
  useUpload,
  useUploadProgress,
  useUploadReport,
} from '../../api/uploads';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { activityLinkKind } from '../../lib/upload-access';
import { ReportRowView } from './UploadReportRow';
import { OUTCOME_LABELS, UPLOAD_STATE_LABELS, UploadStateBadge } from './upload-labels';

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
          {data.archive && (
            <>
              Archive import for {data.providerName ?? 'the provider'}
              {data.providerNumber && <> ({data.providerNumber})</>} ·{' '}
            </>
          )}
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
        {data.archive && (
          <Badge color="indigo" variant="light">
            Archive import
          </Badge>
        )}
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
  const linkKind = activityLinkKind(useSession(), upload.archive);
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
                <ReportRowView
                  key={row.row}
                  row={row}
                  dryRun={upload.dryRun}
                  providerId={upload.providerOrganizationId}
                  linkKind={linkKind}
                />
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
