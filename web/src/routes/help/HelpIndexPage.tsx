import { Card, SimpleGrid, Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { HELP_CONTENT } from '../../help/topics';
import { HELP_TOPICS } from '../../lib/areas';

export function HelpIndexPage() {
  return (
    <Page
      title="Help"
      intro="How OpenPARS works, area by area. Every form field also has a “?” that explains it."
    >
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {HELP_TOPICS.map((topic) => (
          <Card key={topic} component="li" withBorder>
            <AnchorLink to="/help/$topic" params={{ topic }} fw={600}>
              {HELP_CONTENT[topic].title}
            </AnchorLink>
            <Text size="sm" c="dimmed" mt={4}>
              {HELP_CONTENT[topic].summary}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Page>
  );
}
