import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMembers, useOrganization } from '../../api/organizations';
import { useDecisions } from '../../api/providers';
import type { Organization, ProviderProfile } from '../../api/types';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { MembersTable } from '../../components/people/MembersTable';
import { ProviderProfileForm } from '../../components/provider/ProviderProfileForm';
import { ProviderProfileView } from '../../components/provider/ProviderProfileView';
import { AccreditationStatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/dates';
import { useSession } from '../../lib/session';

export function ProviderDetailPage({ id }: { id: string }) {
  const org = useOrganization(id);
  const provider = org.data?.provider;
  return (
    <Page
      title={org.data?.name ?? 'Provider'}
      intro={provider ? `Provider number ${provider.providerNumber}` : undefined}
    >
      <AnchorLink to="/providers" size="sm">
        ← All providers
      </AnchorLink>
      {org.isPending && <Loading />}
      {org.isError && <LoadError error={org.error} onRetry={() => org.refetch()} />}
      {org.data && provider && (
        <>
          <ProfileCard organization={org.data} provider={provider} />
          <DecisionsCard providerId={id} />
          <PeopleCard providerId={id} />
        </>
      )}
      {org.data && !provider && <Text>This organisation is not a provider.</Text>}
    </Page>
  );
}

function ProfileCard({ organization, provider }: { organization: Organization; provider: ProviderProfile }) {
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {editing ? 'Edit profile' : 'Profile'}
        </Title>
        {can('providers.manage') && !editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            Edit profile
          </Button>
        )}
      </Group>
      {editing ? (
        <ProviderProfileForm
          organization={organization}
          provider={provider}
          onDone={() => setEditing(false)}
        />
      ) : (
        <ProviderProfileView organization={organization} provider={provider} />
      )}
    </Card>
  );
}

function DecisionsCard({ providerId }: { providerId: string }) {
  const decisions = useDecisions(providerId);
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Accreditation decisions
        </Title>
        {decisions.isPending && <Loading />}
        {decisions.isError && <LoadError error={decisions.error} onRetry={() => decisions.refetch()} />}
        {decisions.data?.length === 0 && <EmptyNote>No decisions recorded.</EmptyNote>}
        {decisions.data && decisions.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Decided on</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Term</Table.Th>
                  <Table.Th>Note</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...decisions.data]
                  .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))
                  .map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{formatDate(d.decidedOn)}</Table.Td>
                      <Table.Td>{humanize(d.kind)}</Table.Td>
                      <Table.Td>
                        <AccreditationStatusBadge status={d.status} />
                      </Table.Td>
                      <Table.Td>
                        {d.termStart || d.termEnd
                          ? `${formatDate(d.termStart) || '…'} – ${formatDate(d.termEnd) || '…'}`
                          : '—'}
                      </Table.Td>
                      <Table.Td>{d.note}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

function PeopleCard({ providerId }: { providerId: string }) {
  const members = useMembers(providerId);
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          People
        </Title>
        {members.isPending && <Loading />}
        {members.isError && <LoadError error={members.error} onRetry={() => members.refetch()} />}
        {members.data?.length === 0 && <EmptyNote>Nobody has access to this provider yet.</EmptyNote>}
        {members.data && members.data.length > 0 && <MembersTable members={members.data} />}
      </Stack>
    </Card>
  );
}

/** 'INITIAL_DECISION' → 'Initial decision'. */
function humanize(code: string): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
