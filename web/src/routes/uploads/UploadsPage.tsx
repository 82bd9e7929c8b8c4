import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { templateUrl, useStartUpload, useUploads } from '../../api/uploads';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../lib/dates';
import { UploadStateBadge } from './upload-labels';

export function UploadsPage() {
  const navigate = useNavigate();
  const uploads = useUploads();
  const start = useStartUpload();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setMissing(false);
    start.reset();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    start.mutate(
      { file, dryRun },
      { onSuccess: (upload) => navigate({ to: '/uploads/$id', params: { id: upload.uploadId } }) },
    );
  };

  return (
    <Page
      title="Uploads"
      intro={
        <>
          Add or update many activities at once from a file: a PARS template, an OpenPARS sheet (CSV or TSV
          with a header row) or JSON. See{' '}
          <AnchorLink to="/help/$topic" params={{ topic: 'uploads' }} underline="always">
            help on uploads
          </AnchorLink>{' '}
          for the layouts and what each outcome means.
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={720}>
          <Title order={2} size="h4">
            Upload a file of activities
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              Start from the template: its first row names every column OpenPARS reads, and in the Excel
              version each column heading has a note and code columns offer a list to choose from.
            </Text>
            <Group gap="lg">
              <Anchor href={templateUrl('activities', 'xlsx')} download size="sm">
                Download template (Excel, .xlsx)
              </Anchor>
              <Anchor href={templateUrl('activities', 'csv')} download size="sm">
                Download template (CSV)
              </Anchor>
            </Group>
          </Stack>
          <Box
            role="group"
            aria-label="Drop area: drop a file here"
            aria-describedby={hintId}
            tabIndex={0}
            onKeyDown={(event) => {
              if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
                event.preventDefault();
                input.current?.click();
              }
            }}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            p="lg"
            style={{
              border: `2px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-5'})`,
              borderRadius: 'var(--mantine-radius-md)',
              background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
            }}
          >
            <Stack gap="xs">
              <Text component="label" htmlFor={inputId} fw={600} size="sm">
                File to upload
              </Text>
              <input
                ref={input}
                id={inputId}
                type="file"
                name="file"
                accept=".txt,.tab,.tsv,.csv,.xlsx,.xml,.json,text/plain,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xml,text/xml,application/json"
                aria-describedby={hintId}
                aria-invalid={missing || undefined}
                onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
              />
              <Text size="sm" c="dimmed" id={hintId}>
                Choose a file, or drag it here and drop it. Tab-delimited PARS templates, activity sheets as
                Excel (.xlsx), CSV or TSV, MEMS-based XML and JSON are accepted.
              </Text>
              {file && (
                <Text size="sm" aria-live="polite">
                  Selected: <strong>{file.name}</strong> ({formatSize(file.size)})
                </Text>
              )}
              {missing && (
                <Text size="sm" c="red.8" role="alert">
                  Choose a file to upload first.
                </Text>
              )}
            </Stack>
          </Box>
          <Checkbox
            label="Dry run (check only, save nothing)"
            description="Every row is checked and the report shows what would happen, but nothing is saved."
            checked={dryRun}
            onChange={(event) => setDryRun(event.currentTarget.checked)}
          />
          {start.isError && (
            <Alert color="red" title="The file was not accepted" role="alert">
              <Text size="sm">{errorMessage(start.error)}</Text>
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={start.isPending}>
              Upload
            </Button>
          </Group>
        </Stack>
      </form>

      <Title order={2} size="h4">
        Recent uploads
      </Title>
      {uploads.isPending && <Loading label="Loading uploads…" />}
      {uploads.isError && <LoadError error={uploads.error} onRetry={() => uploads.refetch()} />}
      {uploads.data?.length === 0 && <EmptyNote>No uploads yet.</EmptyNote>}
      {uploads.data && uploads.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Received</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Rows processed</Table.Th>
                <Table.Th>Finished</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {uploads.data.map((upload) => (
                <Table.Tr key={upload.uploadId}>
                  <Table.Td>
                    <AnchorLink to="/uploads/$id" params={{ id: upload.uploadId }} fw={600}>
                      {upload.fileName}
                    </AnchorLink>
                    {upload.dryRun && (
                      <Badge ml="xs" variant="outline" color="gray">
                        Dry run
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(upload.receivedAt)}</Table.Td>
                  <Table.Td>
                    <UploadStateBadge state={upload.state} />
                  </Table.Td>
                  <Table.Td>{upload.rowsProcessed.toLocaleString()}</Table.Td>
                  <Table.Td>{upload.finishedAt ? formatDateTime(upload.finishedAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
