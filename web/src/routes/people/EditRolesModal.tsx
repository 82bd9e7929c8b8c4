import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { OrganizationKind, Role } from '../../../../src/modules/identity/permissions.rules';
import { useUpdateMemberRoles } from '../../api/organizations';
import type { Id, Member } from '../../api/types';
import { FormAlert } from '../../components/form/FormAlert';
import { MultiSelectField } from '../../components/form/fields';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';
import { roleOptions } from './roles';

type EditRolesModalProps = {
  member: Member;
  organizationId: Id;
  organizationKind: OrganizationKind;
  onClose: () => void;
};

export function EditRolesModal({ member, organizationId, organizationKind, onClose }: EditRolesModalProps) {
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const [checked, setChecked] = useState(false);
  const update = useUpdateMemberRoles(organizationId);
  const errors = fieldErrors(update.error);
  const missing =
    checked && roles.length === 0 ? 'Choose at least one role, or remove the person instead.' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (roles.length === 0) return;
    update.mutate(
      { userId: member.userId, roles },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Roles of ${member.name} saved.` });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Roles of ${member.name}`} size="lg">
      <form onSubmit={submit} noValidate aria-label={`Roles of ${member.name}`}>
        <Stack gap="md">
          <FormAlert error={update.error} fields={['roles']} title="The roles were not changed" />
          <MultiSelectField
            label="Roles"
            help={FIELD_HELP['member.roles']}
            required
            data={roleOptions(organizationKind)}
            value={roles}
            onChange={(value) => setRoles(value as Role[])}
            error={missing ?? errors.roles}
            comboboxProps={{ withinPortal: true }}
            searchable
            nothingFoundMessage="No role of that name"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={update.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save roles
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
