import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

type PageProps = {
  title: string;
  /** One sentence under the title saying what the page is for. */
  intro?: ReactNode;
  /** Buttons beside the title (e.g. "Invite person"). */
  actions?: ReactNode;
  children: ReactNode;
};

export function Page({ title, intro, actions, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro && (
            <Text c="dimmed" size="sm">
              {intro}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — OpenPARS`;
  }, [title]);
}
