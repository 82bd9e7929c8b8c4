import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { invitationQuery, useAcceptInvitation } from '../../api/auth';
import { errorMessage, isApiError } from '../../api/client';
import type { Invitation } from '../../api/types';
import { FormAlert } from '../../components/form/FormAlert';
import { CheckboxField } from '../../components/form/fields';
import { LoadError, Loading } from '../../components/LoadState';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';
import { AuthCard } from './AuthCard';
import { type NewPassword, NewPasswordFields, newPasswordProblems } from './NewPasswordFields';

export function InvitationPage({ token }: { token: string }) {
  const invitation = useQuery(invitationQuery(token));

  if (!token) return <ExpiredInvitation message="This page needs the link from your invitation email." />;
  if (invitation.isPending) return <Loading label="Checking your invitation…" />;
  if (invitation.isError) {
    return isApiError(invitation.error, 'REQ-TOKEN-INVALID') ||
      isApiError(invitation.error, 'REQ-NOT-FOUND') ? (
      <ExpiredInvitation message={errorMessage(invitation.error)} />
    ) : (
      <LoadError error={invitation.error} onRetry={() => invitation.refetch()} />
    );
  }
  return <AcceptInvitationForm token={token} invitation={invitation.data} />;
}

function AcceptInvitationForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [checked, setChecked] = useState(false);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();

  if (isApiError(accept.error, 'REQ-TOKEN-INVALID'))
    return <ExpiredInvitation message={errorMessage(accept.error)} />;

  const problems = checked ? newPasswordProblems(value) : {};
  const serverErrors = fieldErrors(accept.error);
  const termsError =
    checked && !acceptTerms ? 'Accept the terms of use to continue.' : serverErrors.acceptTerms;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(newPasswordProblems(value)).length > 0 || !acceptTerms) return;
    accept.mutate(
      { token, password: value.password, acceptTerms: true },
      { onSuccess: () => navigate({ to: '/' }) },
    );
  };

  return (
    <AuthCard
      title="Welcome to OpenPARS"
      intro="You have been given access. Choose a password to finish setting up your account."
    >
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={130}>Name</Table.Th>
            <Table.Td>{invitation.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Td className="break-anywhere">{invitation.email}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Organisation</Table.Th>
            <Table.Td>{invitation.organizationName ?? '—'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert
            error={accept.error}
            fields={['password', 'acceptTerms']}
            title="Your account was not set up"
          />
          <NewPasswordFields
            value={value}
            onChange={setValue}
            errors={{ password: problems.password ?? serverErrors.password, confirm: problems.confirm }}
          />
          <CheckboxField
            label="I accept the terms of use"
            help={FIELD_HELP['invitation.acceptTerms']}
            checked={acceptTerms}
            onChange={(e) => setAcceptTerms(e.currentTarget.checked)}
            error={termsError}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Set password and sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

function ExpiredInvitation({ message }: { message: string }) {
  return (
    <AuthCard title="This invitation cannot be used">
      <Alert color="red" role="alert">
        {message}
      </Alert>
      <Text size="sm">
        Invitation links work once and expire after 7 days. Ask the person who invited you — your
        organisation’s Primary Contact or administrator — to send you a new invitation.
      </Text>
    </AuthCard>
  );
}
