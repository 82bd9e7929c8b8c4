import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useOrganization } from '../../api/organizations';
import { useProviderSample } from '../../api/providers';
import type { Id } from '../../api/types';
import { LoadError, Loading } from '../../components/LoadState';
import { AnchorLink, ButtonLink } from '../../components/links';
import { Page } from '../../components/Page';
import { AccreditationStatusBadge } from '../../components/StatusBadge';
import { ACCREDITOR_KIND_LABELS } from '../../lib/labels';
import { useSession } from '../../lib/session';

const SAMPLE = 100;
const SHOWN = 10;

export function AccreditorHome({ organizationId }: { organizationId: Id }) {
  const { can, organization } = useSession();
  const org = useOrganization(organizationId);
  const kind = org.data?.accreditor?.accreditorKind;
  return (
    <Page
      title={org.data?.name ?? organization?.name ?? 'Accreditor'}
      intro={kind ? ACCREDITOR_KIND_LABELS[kind] : 'Accreditor'}
      actions={
        can('providers.manage') && (
          <ButtonLink to="/providers/new" variant="filled">
            New provider
          </ButtonLink>
        )
      }
    >
      {can('providers.view') ? (
        <ProviderSummary />
      ) : (
        <Text size="sm">
          Your role gives you access to the reviews assigned to you; they appear here when review work starts.
        </Text>
      )}
    </Page>
  );
}

function ProviderSummary() {
  const providers = useProviderSample(SAMPLE);
  if (providers.isPending) return <Loading label="Loading providers…" />;
  if (providers.isError) return <LoadError error={providers.error} onRetry={() => providers.refetch()} />;
  const { items, nextCursor } = providers.data;
  const count = nextCursor ? `${items.length}+` : String(items.length);
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            Your providers
          </Title>
          <Text size="xl" fw={700} aria-label={`${count} providers`}>
            {count}
          </Text>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No providers yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th>Number</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.slice(0, SHOWN).map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <AnchorLink to="/providers/$id" params={{ id: String(p.id) }}>
                        {p.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{p.providerNumber}</Table.Td>
                    <Table.Td>
                      <AccreditationStatusBadge status={p.accreditationStatus} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <AnchorLink to="/providers">View and search all providers</AnchorLink>
      </Stack>
    </Card>
  );
}
