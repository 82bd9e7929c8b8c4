import { Box, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type Detail = { label: string; value: ReactNode };

/** Label–value pairs as a description list; empty values read "Not recorded". */
export function DetailList({ items, cols = 2 }: { items: Detail[]; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="lg" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <Box key={item.label}>
          <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase">
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} className="break-anywhere">
            {isEmpty(item.value) ? (
              <Text span c="dimmed" size="sm">
                Not recorded
              </Text>
            ) : (
              item.value
            )}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}

function isEmpty(value: ReactNode): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}
