import { Alert, Button, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useRequestPasswordReset } from '../../api/auth';
import { useInstance } from '../../api/session';
import { FormAlert } from '../../components/form/FormAlert';
import { TextField } from '../../components/form/fields';
import { AnchorLink } from '../../components/links';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';
import { AuthCard } from './AuthCard';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const { data: instance } = useInstance();
  const errors = fieldErrors(request.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  };

  if (request.isSuccess) {
    return (
      <AuthCard title="Check your email">
        {/* The same words whether or not the account exists, so the page reveals nothing. */}
        <Alert color="blue" role="status">
          If an OpenPARS account exists for {email.trim()}, we have sent it a link to choose a new password.
          The link works once and expires in 60 minutes.
        </Alert>
        {instance?.demo && (
          <Text size="sm">
            This is a demo instance: the email is in the <AnchorLink to="/outbox">outbox</AnchorLink>.
          </Text>
        )}
        <AnchorLink to="/login" size="sm">
          Back to sign in
        </AnchorLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Reset your password"
      intro="Enter the email address of your account. We will send you a link to choose a new password."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={request.error} fields={['email']} title="The request was not sent" />
          <TextField
            label="Email"
            help={FIELD_HELP['forgotPassword.email']}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            autoFocus
          />
          <Button type="submit" loading={request.isPending} fullWidth>
            Send reset link
          </Button>
          <AnchorLink to="/login" size="sm" ta="center">
            Back to sign in
          </AnchorLink>
        </Stack>
      </form>
    </AuthCard>
  );
}
