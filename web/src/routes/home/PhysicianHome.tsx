import { Card, List, Text, Title } from '@mantine/core';
import { Page } from '../../components/Page';
import { useSession } from '../../lib/session';

export function PhysicianHome() {
  const { me } = useSession();
  return (
    <Page title={`Welcome, ${me.user.name}`} intro="Physician account">
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs">
          CME Passport is coming
        </Title>
        <Text size="sm">
          CME Passport will bring together the accredited continuing medical education credit that providers
          report for you, across every provider. When it arrives you will be able to:
        </Text>
        <List size="sm" mt="xs" spacing={4}>
          <List.Item>
            see your credit and where it was sent — certifying boards and state licensing boards;
          </List.Item>
          <List.Item>
            follow each license’s and certification’s requirements, including mandatory topics;
          </List.Item>
          <List.Item>download a transcript for a period of your choice;</List.Item>
          <List.Item>
            share a link to your transcript with a board, an employer or a credentialing office.
          </List.Item>
        </List>
        <Text size="sm" mt="sm">
          Your account is ready; there is nothing you need to do until then.
        </Text>
      </Card>
    </Page>
  );
}
