import { Stack } from '@mantine/core';
import { PASSWORD_MIN_LENGTH } from '../../../../src/modules/identity/password.rules';
import { PasswordField } from '../../components/form/fields';
import { FIELD_HELP } from '../../help/field-help';

// The length rule is the API's own (decisions.md §14); the common-password check stays on the server,
// which holds the list.
const MIN_PASSWORD_LENGTH = PASSWORD_MIN_LENGTH;

export type NewPassword = { password: string; confirm: string };

/** Checks the browser can make before asking the server, which also refuses common passwords. */
export function newPasswordProblems(value: NewPassword): Partial<Record<keyof NewPassword, string>> {
  const problems: Partial<Record<keyof NewPassword, string>> = {};
  if (value.password.length < MIN_PASSWORD_LENGTH) {
    problems.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (value.confirm !== value.password) problems.confirm = 'The two passwords are not the same.';
  return problems;
}

type NewPasswordFieldsProps = {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  errors: Partial<Record<keyof NewPassword, string>>;
};

export function NewPasswordFields({ value, onChange, errors }: NewPasswordFieldsProps) {
  return (
    <Stack gap="md">
      <PasswordField
        label="New password"
        help={FIELD_HELP['newPassword.password']}
        description={`At least ${MIN_PASSWORD_LENGTH} characters; not a common password and not your email address.`}
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        error={errors.password}
      />
      <PasswordField
        label="Repeat new password"
        help={FIELD_HELP['newPassword.confirm']}
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.currentTarget.value })}
        error={errors.confirm}
      />
    </Stack>
  );
}
