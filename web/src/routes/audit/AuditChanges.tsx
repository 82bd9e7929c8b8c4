import { Code, Table, Text } from '@mantine/core';
import { changedFields, showValue } from './diff';

/** Before → after of the fields an audit entry changed. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = changedFields(before, after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {before == null && after == null
          ? 'No field values were recorded for this entry.'
          : 'No field changed.'}
      </Text>
    );
  }
  return (
    <Table withTableBorder layout="fixed" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.key}>
            <Table.Td className="break-anywhere">{change.key}</Table.Td>
            <Table.Td>
              <Code block c={change.before === undefined ? 'dimmed' : undefined} className="preserve-lines">
                {showValue(change.before)}
              </Code>
            </Table.Td>
            <Table.Td>
              <Code block className="preserve-lines">
                {showValue(change.after)}
              </Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
