import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldError } from '../../platform/errors';

// program.md §3: at least 12 characters, not a common password, not containing the email.
// The common-password list is the maintained one of @zxcvbn-ts/language-common (MIT, ~49,000 entries
// drawn from breach corpora; decisions.md §6). See docs/architecture.md for why not 100,000.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export function passwordProblems(password: string, email: string, path = 'password'): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [
      { path, code: 'VAL-PASSWORD-WEAK', message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` },
    ];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ path, code: 'VAL-LENGTH', message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` }];
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return [
      { path, code: 'VAL-PASSWORD-WEAK', message: 'is one of the most common passwords; choose another' },
    ];
  }
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (lower.includes(email.toLowerCase()) || (local.length >= 4 && lower.includes(local))) {
    return [{ path, code: 'VAL-PASSWORD-WEAK', message: 'must not contain your email address' }];
  }
  return [];
}
