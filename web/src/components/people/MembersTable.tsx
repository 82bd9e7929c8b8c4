import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../../src/modules/identity/permissions.rules';
import type { Member } from '../../api/types';
import { formatDateTime } from '../../lib/dates';
import { MEMBER_STATUS_COLORS, MEMBER_STATUS_LABELS } from '../../lib/labels';

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

type MembersTableProps = {
  members: Member[];
  /** Row actions, e.g. a menu; omitted for read-only lists. */
  actions?: (member: Member) => ReactNode;
};

export function MembersTable({ members, actions }: MembersTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            {actions && (
              <Table.Th>
                <Text span size="sm" fw={700}>
                  Actions
                </Text>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td fw={600}>{member.name}</Table.Td>
              <Table.Td className="break-anywhere">{member.email}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {member.roles.map((role) => (
                    <Badge key={role} variant="default">
                      {roleLabel(role)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge color={MEMBER_STATUS_COLORS[member.status] ?? 'gray'}>
                  {MEMBER_STATUS_LABELS[member.status] ?? member.status}
                </Badge>
              </Table.Td>
              <Table.Td>{member.lastLoginAt ? formatDateTime(member.lastLoginAt) : 'Never'}</Table.Td>
              {actions && <Table.Td>{actions(member)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
