import { Button, Card, Group, Title } from '@mantine/core';
import { useState } from 'react';
import { useOrganization } from '../../api/organizations';
import type { Organization } from '../../api/types';
import { DetailList } from '../../components/DetailList';
import { LoadError, Loading } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { ProviderProfileForm } from '../../components/provider/ProviderProfileForm';
import { ProviderProfileView } from '../../components/provider/ProviderProfileView';
import {
  ACCREDITOR_KIND_LABELS,
  BOARD_KIND_LABELS,
  DELIVERY_MODE_LABELS,
  ORGANIZATION_KIND_LABELS,
} from '../../lib/labels';
import { useSession } from '../../lib/session';

/** The profile of the organisation the session acts for. */
export function OrganizationPage() {
  const { organization } = useSession();
  const org = useOrganization(organization?.id);
  if (!organization) return null;
  return (
    <Page title="Organisation" intro={`The profile of ${organization.name} as OpenPARS holds it.`}>
      {org.isPending && <Loading />}
      {org.isError && <LoadError error={org.error} onRetry={() => org.refetch()} />}
      {org.data && <OrganizationProfile organization={org.data} />}
    </Page>
  );
}

function OrganizationProfile({ organization }: { organization: Organization }) {
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const provider = organization.provider;
  const editable = organization.kind === 'PROVIDER' && provider && can('org.edit');

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {editing ? 'Edit profile' : 'Profile'}
        </Title>
        {editable && !editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            Edit profile
          </Button>
        )}
      </Group>
      {provider && editing ? (
        <ProviderProfileForm
          organization={organization}
          provider={provider}
          onDone={() => setEditing(false)}
        />
      ) : provider ? (
        <ProviderProfileView organization={organization} provider={provider} />
      ) : (
        <OtherProfile organization={organization} />
      )}
    </Card>
  );
}

function OtherProfile({ organization }: { organization: Organization }) {
  const items = [
    { label: 'Name', value: organization.name },
    { label: 'Kind', value: ORGANIZATION_KIND_LABELS[organization.kind] },
    { label: 'Code', value: organization.code ?? '' },
  ];
  if (organization.accreditor) {
    items.push(
      { label: 'Accreditor type', value: ACCREDITOR_KIND_LABELS[organization.accreditor.accreditorKind] },
      { label: 'State', value: organization.accreditor.state ?? '' },
    );
  }
  if (organization.board) {
    items.push(
      { label: 'Board type', value: BOARD_KIND_LABELS[organization.board.boardKind] },
      { label: 'Delivery mode', value: DELIVERY_MODE_LABELS[organization.board.deliveryMode] },
      { label: 'Collaborating with ACCME', value: organization.board.collaborating ? 'Yes' : 'No' },
    );
  }
  return <DetailList items={items} />;
}
