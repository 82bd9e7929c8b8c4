import { ActionIcon, Popover, Text } from '@mantine/core';

type FieldHelpProps = { label: string; help: string };

/** The "?" beside a field: opens a short explanation on click, tap, Enter or Space (decisions.md §13). */
export function FieldHelp({ label, help }: FieldHelpProps) {
  return (
    <Popover width={300} position="top" withArrow shadow="md" closeOnEscape returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" radius="xl" aria-label={`Help: ${label}`}>
          <Text component="span" fw={700} size="sm" aria-hidden>
            ?
          </Text>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm">{help}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}
