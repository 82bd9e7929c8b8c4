import { Box, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { HELP_CONTENT } from '../../help/topics';
import { HELP_TOPICS, type HelpTopic } from '../../lib/areas';

function isTopic(value: string): value is HelpTopic {
  return (HELP_TOPICS as readonly string[]).includes(value);
}

export function HelpTopicPage({ topic }: { topic: string }) {
  if (!isTopic(topic)) {
    return (
      <Page title="Help page not found">
        <Text size="sm">
          There is no help page called “{topic}”. See <AnchorLink to="/help">all help pages</AnchorLink>.
        </Text>
      </Page>
    );
  }
  const content = HELP_CONTENT[topic];
  return (
    <Page title={content.title} intro={content.summary}>
      <AnchorLink to="/help" size="sm">
        ← All help pages
      </AnchorLink>
      <Box maw={820}>{content.body()}</Box>
    </Page>
  );
}
