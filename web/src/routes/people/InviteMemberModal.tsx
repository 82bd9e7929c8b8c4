import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { OrganizationKind, Role } from '../../../../src/modules/identity/permissions.rules';
import { useInviteMember } from '../../api/organizations';
import type { Id } from '../../api/types';
import { FormAlert } from '../../components/form/FormAlert';
import { MultiSelectField, TextField } from '../../components/form/fields';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';
import { roleOptions } from './roles';

type InviteMemberModalProps = {
  opened: boolean;
  onClose: () => void;
  organizationId: Id;
  organizationKind: OrganizationKind;
};

const EMPTY = { name: '', email: '', roles: [] as Role[] };

export function InviteMemberModal({
  opened,
  onClose,
  organizationId,
  organizationKind,
}: InviteMemberModalProps) {
  const [values, setValues] = useState(EMPTY);
  const [checked, setChecked] = useState(false);
  const invite = useInviteMember(organizationId);
  const errors = fieldErrors(invite.error);
  const rolesMissing = checked && values.roles.length === 0 ? 'Choose at least one role.' : undefined;

  const close = () => {
    setValues(EMPTY);
    setChecked(false);
    invite.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (values.roles.length === 0) return;
    const body = { name: values.name.trim(), email: values.email.trim(), roles: values.roles };
    invite.mutate(body, {
      onSuccess: (member) => {
        // Someone who already has an account is told by email that they have access; no password link.
        const message =
          member?.status === 'INVITED'
            ? `${body.name} will receive an email with a link to set a password.`
            : `${body.name} already has an OpenPARS account and was told by email about the new access.`;
        notifications.show({ color: 'green', title: 'Access granted', message });
        close();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite a person" size="lg">
      <form onSubmit={submit} noValidate aria-label="Invite a person">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            They receive an email “OpenPARS — system access granted” with a link to set their password. The
            link is valid for 7 days.
          </Text>
          <FormAlert
            error={invite.error}
            fields={['name', 'email', 'roles']}
            title="The invitation was not sent"
          />
          <TextField
            label="Name"
            help={FIELD_HELP['member.name']}
            required
            autoComplete="off"
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
            error={errors.name}
            data-autofocus
          />
          <TextField
            label="Email"
            help={FIELD_HELP['member.email']}
            type="email"
            required
            autoComplete="off"
            value={values.email}
            onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
            error={errors.email}
          />
          <MultiSelectField
            label="Roles"
            help={FIELD_HELP['member.roles']}
            required
            data={roleOptions(organizationKind)}
            value={values.roles}
            onChange={(roles) => setValues({ ...values, roles: roles as Role[] })}
            error={rolesMissing ?? errors.roles}
            comboboxProps={{ withinPortal: true }}
            searchable
            nothingFoundMessage="No role of that name"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={invite.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
