import { Card, Stack, Text } from '@mantine/core';
import { useOrganization } from '../../api/organizations';
import type { Id } from '../../api/types';
import { DetailList } from '../../components/DetailList';
import { LoadError, Loading } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { QuickLinks } from '../../components/QuickLinks';
import { BOARD_KIND_LABELS, DELIVERY_MODE_LABELS } from '../../lib/labels';
import { useSession } from '../../lib/session';

export function BoardHome({ organizationId }: { organizationId: Id }) {
  const { organization } = useSession();
  const org = useOrganization(organizationId);
  const board = org.data?.board;
  return (
    <Page
      title={org.data?.name ?? organization?.name ?? 'Board'}
      intro={board ? BOARD_KIND_LABELS[board.boardKind] : 'Board'}
    >
      {org.isPending && <Loading />}
      {org.isError && <LoadError error={org.error} onRetry={() => org.refetch()} />}
      {board && (
        <Card withBorder padding="lg">
          <DetailList
            items={[
              { label: 'Delivery mode', value: DELIVERY_MODE_LABELS[board.deliveryMode] },
              { label: 'Collaborating with ACCME', value: board.collaborating ? 'Yes' : 'No' },
            ]}
          />
        </Card>
      )}
      <Stack gap="xs">
        <Text size="sm">
          The board feed — credit that accredited providers report for your diplomates or licensees — and
          roster management are coming in the next releases.
        </Text>
        <QuickLinks
          links={[
            {
              to: '/organization',
              title: 'Organisation profile',
              text: 'How your board is set up in OpenPARS.',
            },
            { to: '/people', title: 'People', text: 'Your board’s staff and their roles.' },
            { to: '/help', title: 'Help', text: 'How OpenPARS works, area by area.' },
          ]}
        />
      </Stack>
    </Page>
  );
}
