import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useOrganization } from '../../api/organizations';
import type { Id } from '../../api/types';
import { DetailList } from '../../components/DetailList';
import { LoadError, Loading } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { type QuickLink, QuickLinks } from '../../components/QuickLinks';
import { AccreditationStatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/dates';
import { useSession } from '../../lib/session';

export function ProviderHome({ organizationId }: { organizationId: Id }) {
  const { can, organization } = useSession();
  const org = useOrganization(organizationId);
  const provider = org.data?.provider;

  const links: QuickLink[] = [];
  if (can('activities.view')) {
    links.push({
      to: '/activities',
      title: 'Activities',
      text: 'Report activities, see their status and what each still needs to close.',
    });
  }
  links.push(
    {
      to: '/organization',
      title: 'Organisation profile',
      text: 'Name, address, website and accreditation term.',
    },
    { to: '/people', title: 'People', text: 'Who has access to this provider, and their contact types.' },
  );
  if (can('api.manage')) {
    links.push({
      to: '/api-keys',
      title: 'API keys',
      text: 'Keys for your LMS or scripts to report through the API.',
    });
  }
  if (can('audit.view')) {
    links.push({ to: '/audit', title: 'Audit trail', text: 'Every change made to your provider’s records.' });
  }
  links.push({ to: '/help', title: 'Help', text: 'How OpenPARS works, area by area.' });

  return (
    <Page title={org.data?.name ?? organization?.name ?? 'Provider'} intro="Accredited provider">
      {org.isPending && <Loading />}
      {org.isError && <LoadError error={org.error} onRetry={() => org.refetch()} />}
      {provider && (
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={2} size="h4">
                Accreditation
              </Title>
              <AccreditationStatusBadge status={provider.accreditationStatus} />
            </Group>
            <DetailList
              cols={3}
              items={[
                { label: 'Provider number', value: provider.providerNumber },
                { label: 'Accreditor', value: provider.accreditor.name },
                {
                  label: 'Term',
                  value:
                    provider.termStart || provider.termEnd
                      ? `${formatDate(provider.termStart) || '…'} – ${formatDate(provider.termEnd) || '…'}`
                      : '',
                },
              ]}
            />
          </Stack>
        </Card>
      )}
      <Stack gap="xs">
        <QuickLinks links={links} />
        <Text size="sm" c="dimmed">
          Learners, learner uploads and the annual report are coming in the next releases.
        </Text>
      </Stack>
    </Page>
  );
}
