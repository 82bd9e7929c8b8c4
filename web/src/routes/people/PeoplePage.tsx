import { ActionIcon, Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { OrganizationKind } from '../../../../src/modules/identity/permissions.rules';
import { errorMessage } from '../../api/client';
import {
  useDeactivateMember,
  useMembers,
  useRemoveMember,
  useResendInvitation,
} from '../../api/organizations';
import type { Id, Member } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { Page } from '../../components/Page';
import { MembersTable } from '../../components/people/MembersTable';
import { useSession } from '../../lib/session';
import { EditRolesModal } from './EditRolesModal';
import { InviteMemberModal } from './InviteMemberModal';

type Dialog = { kind: 'roles' | 'remove' | 'deactivate'; member: Member } | null;

export function PeoplePage() {
  const { organization, can } = useSession();
  const [inviting, setInviting] = useState(false);
  if (!organization) return null;
  const canManage = organization.kind === 'PROVIDER' ? can('contacts.manage') : can('staff.manage');
  const intro =
    organization.kind === 'PROVIDER'
      ? `Everyone with access to ${organization.name}, and their contact types. Exactly one Primary Contact is required at all times.`
      : `Everyone with access to ${organization.name}, and their roles.`;

  return (
    <Page
      title="People"
      intro={intro}
      actions={canManage && <Button onClick={() => setInviting(true)}>Invite person</Button>}
    >
      <PeopleList
        organizationId={organization.id}
        organizationKind={organization.kind}
        canManage={canManage}
      />
      {canManage && (
        <InviteMemberModal
          opened={inviting}
          onClose={() => setInviting(false)}
          organizationId={organization.id}
          organizationKind={organization.kind}
        />
      )}
    </Page>
  );
}

type PeopleListProps = { organizationId: Id; organizationKind: OrganizationKind; canManage: boolean };

function PeopleList({ organizationId, organizationKind, canManage }: PeopleListProps) {
  const { me } = useSession();
  const members = useMembers(organizationId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useRemoveMember(organizationId);
  const deactivate = useDeactivateMember(organizationId);
  const resend = useResendInvitation(organizationId);

  if (members.isPending) return <Loading label="Loading people…" />;
  if (members.isError) return <LoadError error={members.error} onRetry={() => members.refetch()} />;
  if (members.data.length === 0) return <EmptyNote>Nobody has access yet.</EmptyNote>;

  const closeDialog = () => {
    remove.reset();
    deactivate.reset();
    setDialog(null);
  };

  const resendInvitation = (member: Member) =>
    resend.mutate(member.userId, {
      onSuccess: () =>
        notifications.show({ color: 'green', message: `A new invitation link was sent to ${member.email}.` }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Invitation not sent', message: errorMessage(error) }),
    });

  const actions = (member: Member) => {
    const self = member.userId === me.user.id;
    return (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.name}`}>
            <Text component="span" fw={700} aria-hidden>
              ⋯
            </Text>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog({ kind: 'roles', member })}>Change roles</Menu.Item>
          {member.status === 'INVITED' && (
            <Menu.Item onClick={() => resendInvitation(member)}>Resend invitation</Menu.Item>
          )}
          {!self && member.status !== 'DEACTIVATED' && (
            <Menu.Item onClick={() => setDialog({ kind: 'deactivate', member })}>
              Deactivate account
            </Menu.Item>
          )}
          {!self && (
            <Menu.Item color="red" onClick={() => setDialog({ kind: 'remove', member })}>
              Remove from organisation
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    );
  };

  return (
    <>
      <MembersTable members={members.data} actions={canManage ? actions : undefined} />
      {dialog?.kind === 'roles' && (
        <EditRolesModal
          member={dialog.member}
          organizationId={organizationId}
          organizationKind={organizationKind}
          onClose={closeDialog}
        />
      )}
      <ConfirmDialog
        opened={dialog?.kind === 'remove'}
        title="Remove person"
        confirmLabel="Remove"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onClose={closeDialog}
        onConfirm={() =>
          dialog &&
          remove.mutate(dialog.member.userId, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `${dialog.member.name} no longer has access.` });
              closeDialog();
            },
          })
        }
      >
        {dialog?.member.name} will lose access to this organisation. Their account stays if they belong to
        another organisation.
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'deactivate'}
        title="Deactivate account"
        confirmLabel="Deactivate"
        destructive
        pending={deactivate.isPending}
        error={deactivate.error}
        onClose={closeDialog}
        onConfirm={() =>
          dialog &&
          deactivate.mutate(dialog.member.userId, {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: `The account of ${dialog.member.name} is deactivated.`,
              });
              closeDialog();
            },
          })
        }
      >
        {dialog?.member.name} will no longer be able to sign in. An account can be deactivated only when it
        belongs to no other organisation.
      </ConfirmDialog>
    </>
  );
}
