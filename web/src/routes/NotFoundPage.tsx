import { Text } from '@mantine/core';
import { AnchorLink } from '../components/links';
import { Page } from '../components/Page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <Text size="sm">
        There is no page at this address. Go to the <AnchorLink to="/">home page</AnchorLink> or read the{' '}
        <AnchorLink to="/help">help</AnchorLink>.
      </Text>
    </Page>
  );
}
