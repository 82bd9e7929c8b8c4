import { List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

// The building blocks of the help pages.

export function H({ children }: { children: ReactNode }) {
  return (
    <Title order={2} size="h4" mt="lg" mb="xs">
      {children}
    </Title>
  );
}

export function P({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" mb="sm">
      {children}
    </Text>
  );
}

export function Items({ children }: { children: ReactNode }) {
  return (
    <List size="sm" spacing={4} mb="sm">
      {children}
    </List>
  );
}
