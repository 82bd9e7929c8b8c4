import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';

export function ProductName() {
  return (
    <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="OpenPARS home">
      <Text component="span" fw={800} size="lg">
        OpenPARS
      </Text>
    </Anchor>
  );
}
