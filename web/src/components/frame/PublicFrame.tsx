import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { InstanceBanners } from '../InstanceBanners';
import { HelpLink } from './HelpLink';
import { ProductName } from './ProductName';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';

/** The frame of pages used without signing in: sign-in, password reset, invitation, help, outbox. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <InstanceBanners />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" h={56}>
          <Group h="100%" justify="space-between">
            <ProductName />
            <HelpLink />
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="lg" py="xl">
        {children}
      </Container>
    </Box>
  );
}
