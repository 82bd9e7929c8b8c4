import { ApiError } from '../api/client';

/** Field messages of an API error keyed by path ("email", "primaryContact.email"). */
export function fieldErrors(error: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  if (!(error instanceof ApiError)) return map;
  for (const issue of error.errors) {
    if (issue.path && !(issue.path in map)) map[issue.path] = sentence(issue.message);
  }
  return map;
}

/** Issues whose path no field of the form shows, so the form's alert can list them instead. */
export function unmatchedIssues(error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors
    .filter((issue) => !fields.includes(issue.path))
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : sentence(issue.message)));
}

// Server messages are phrased to follow the field name ("must be an email address"); under a field
// they read as a sentence.
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
