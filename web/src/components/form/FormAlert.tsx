import { Alert, List } from '@mantine/core';
import { ApiError, errorMessage } from '../../api/client';
import { unmatchedIssues } from '../../lib/field-errors';

type FormAlertProps = {
  error: unknown;
  /** Paths the form shows under its own fields; other issues are listed here. */
  fields?: readonly string[];
  title?: string;
};

/** The error of a failed submission: the API's message, plus any issue no field of the form shows. */
export function FormAlert({ error, fields = [], title = 'The change was not saved' }: FormAlertProps) {
  if (!error) return null;
  const others = unmatchedIssues(error, fields);
  const fieldIssues = error instanceof ApiError ? error.errors.length - others.length : 0;
  return (
    <Alert color="red" title={title} role="alert">
      {errorMessage(error)}
      {fieldIssues > 0 && ' Check the fields marked below.'}
      {others.length > 0 && (
        <List size="sm" mt="xs">
          {others.map((issue) => (
            <List.Item key={issue}>{issue}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
