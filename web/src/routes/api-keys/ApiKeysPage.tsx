import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiKeys, useRevokeApiKey } from '../../api/api-keys';
import type { ApiKey, CreatedApiKey } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { CreateApiKeyModal } from './CreateApiKeyModal';
import { NewKeyModal } from './NewKeyModal';

export function ApiKeysPage() {
  const { organization } = useSession();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const closeRevoke = () => {
    revoke.reset();
    setRevoking(null);
  };

  return (
    <Page
      title="API keys"
      intro={`Keys let your systems call the OpenPARS API for ${organization?.name ?? 'your organisation'}. A key acts for this organisation only; send it as “Authorization: Bearer <key>”.`}
      actions={<Button onClick={() => setCreating(true)}>Create API key</Button>}
    >
      {keys.isPending && <Loading label="Loading keys…" />}
      {keys.isError && <LoadError error={keys.error} onRetry={() => keys.refetch()} />}
      {keys.data?.length === 0 && <EmptyNote>No API keys yet.</EmptyNote>}
      {keys.data && keys.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key starts with</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <Text span size="sm" fw={700}>
                    Actions
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Td fw={600}>{key.name}</Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(key.createdAt)}
                    {key.createdBy && (
                      <Text size="xs" c="dimmed">
                        by {key.createdBy.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</Table.Td>
                  <Table.Td>
                    {key.revokedAt ? (
                      <Badge color="gray">Revoked {formatDateTime(key.revokedAt)}</Badge>
                    ) : (
                      <Badge color="green">Active</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!key.revokedAt && (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.8"
                        onClick={() => setRevoking(key)}
                        aria-label={`Revoke ${key.name}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setCreated(key);
        }}
      />
      {created && <NewKeyModal apiKey={created} onClose={() => setCreated(null)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke API key"
        confirmLabel="Revoke key"
        destructive
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `The key “${revoking.name}” is revoked.` });
              closeRevoke();
            },
          })
        }
      >
        Systems using “{revoking?.name}” will be refused from now on. This cannot be undone; create a new key
        if you need one again.
      </ConfirmDialog>
    </Page>
  );
}
