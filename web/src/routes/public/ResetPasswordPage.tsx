import { Alert, Button, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCompletePasswordReset } from '../../api/auth';
import { errorMessage, isApiError } from '../../api/client';
import { FormAlert } from '../../components/form/FormAlert';
import { AnchorLink, ButtonLink } from '../../components/links';
import { fieldErrors } from '../../lib/field-errors';
import { AuthCard } from './AuthCard';
import { type NewPassword, NewPasswordFields, newPasswordProblems } from './NewPasswordFields';

export function ResetPasswordPage({ token }: { token: string }) {
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [checked, setChecked] = useState(false);
  const complete = useCompletePasswordReset();

  if (!token) return <InvalidResetLink message="This page needs the link from the password reset email." />;
  if (isApiError(complete.error, 'REQ-TOKEN-INVALID')) {
    return <InvalidResetLink message={errorMessage(complete.error)} />;
  }

  if (complete.isSuccess) {
    return (
      <AuthCard title="Password changed">
        <Alert color="green" role="status">
          Your new password is set. For your safety every other session of your account has been signed out.
        </Alert>
        <ButtonLink to="/login" fullWidth>
          Sign in
        </ButtonLink>
      </AuthCard>
    );
  }

  const problems = checked ? newPasswordProblems(value) : {};
  const serverErrors = fieldErrors(complete.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(newPasswordProblems(value)).length > 0) return;
    complete.mutate({ token, password: value.password });
  };

  return (
    <AuthCard title="Choose a new password">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={complete.error} fields={['password']} title="The password was not changed" />
          <NewPasswordFields
            value={value}
            onChange={setValue}
            errors={{ password: problems.password ?? serverErrors.password, confirm: problems.confirm }}
          />
          <Button type="submit" loading={complete.isPending} fullWidth>
            Set new password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

function InvalidResetLink({ message }: { message: string }) {
  return (
    <AuthCard title="This link cannot be used">
      <Alert color="red" role="alert">
        {message} Reset links work once and expire after 60 minutes.
      </Alert>
      <AnchorLink to="/forgot-password">Ask for a new reset link</AnchorLink>
    </AuthCard>
  );
}
