import { Badge, Table, Text, Title } from '@mantine/core';
import { useUploads } from '../../api/uploads';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink } from '../../components/links';
import { formatDateTime } from '../../lib/dates';
import { UploadStateBadge } from './upload-labels';

/**
 * The acting organisation's recent uploads. An archive importer oversees many providers, so the list
 * names the provider each file was for; a provider sees the archives imported for it marked as such.
 */
export function RecentUploads({ showProvider }: { showProvider: boolean }) {
  const uploads = useUploads();
  return (
    <>
      <Title order={2} size="h4">
        Recent uploads
      </Title>
      {uploads.isPending && <Loading label="Loading uploads…" />}
      {uploads.isError && <LoadError error={uploads.error} onRetry={() => uploads.refetch()} />}
      {uploads.data?.length === 0 && <EmptyNote>No uploads yet.</EmptyNote>}
      {uploads.data && uploads.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" aria-label="Recent uploads">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                {showProvider && <Table.Th>Provider</Table.Th>}
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
                    {upload.archive && !showProvider && (
                      <Badge ml="xs" variant="outline" color="indigo">
                        Archive import
                      </Badge>
                    )}
                    {upload.dryRun && (
                      <Badge ml="xs" variant="outline" color="gray">
                        Dry run
                      </Badge>
                    )}
                  </Table.Td>
                  {showProvider && (
                    <Table.Td>
                      {upload.providerName ?? '—'}
                      {upload.providerNumber && (
                        <Text size="xs" c="dimmed">
                          {upload.providerNumber}
                        </Text>
                      )}
                    </Table.Td>
                  )}
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
    </>
  );
}
