import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AppPath } from '../lib/areas';
import { AnchorLink } from './links';

export type QuickLink = { to: AppPath; title: string; text: string };

/** Cards leading to the areas a person uses most from their home page. */
export function QuickLinks({ links }: { links: QuickLink[] }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Quick links
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="md"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {links.map((link) => (
          <Card key={link.to} component="li" withBorder padding="md">
            <AnchorLink to={link.to} fw={600}>
              {link.title}
            </AnchorLink>
            <Text size="sm" c="dimmed" mt={4}>
              {link.text}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
