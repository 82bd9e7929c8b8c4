import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { Link, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useInstance, useLogin } from '../../api/session';
import { PasswordField, TextField } from '../../components/form/fields';
import { AnchorLink } from '../../components/links';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';
import { AuthCard } from './AuthCard';

/** Only paths of this app, so a crafted ?redirect= cannot send people elsewhere. */
export function safeRedirect(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/';
}

export function LoginPage({ redirect }: { redirect?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const router = useRouter();
  const { data: instance } = useInstance();
  const errors = fieldErrors(login.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => router.history.push(safeRedirect(redirect)) },
    );
  };

  return (
    <Stack gap="lg">
      <AuthCard title="Sign in to OpenPARS" intro="Reporting for accredited continuing medical education.">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {login.error && (
              <Alert color="red" role="alert" title="Sign-in failed">
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextField
              label="Email"
              help={FIELD_HELP['login.email']}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              autoFocus
            />
            <PasswordField
              label="Password"
              help={FIELD_HELP['login.password']}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              Sign in
            </Button>
            <AnchorLink to="/forgot-password" size="sm" ta="center">
              Can't log in or forgot your password?
            </AnchorLink>
          </Stack>
        </form>
      </AuthCard>
      {instance?.demo && <DemoAccounts />}
    </Stack>
  );
}

function DemoAccounts() {
  return (
    <Alert color="blue" title="Demo instance" maw={460} mx="auto" w="100%">
      <Text size="sm">
        Every demo account uses the password <strong>openpars-demo</strong>: accme@example.org,
        sms@example.org, provider@example.org, provider2@example.org, board@example.org,
        state-board@example.org, physician@example.org and operator@example.org.
      </Text>
      <Text size="sm" mt="xs">
        Mail is not sent on this instance; read it in the{' '}
        {/* Inherits the alert's text colour: a blue link on the blue alert fails WCAG contrast. */}
        <Anchor component={Link} to="/outbox" c="inherit" td="underline" fw={600}>
          outbox
        </Anchor>
        .
      </Text>
    </Alert>
  );
}
