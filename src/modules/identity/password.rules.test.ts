import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password.rules';

describe('password rules (program.md §3)', () => {
  it.each([
    ['short', 'at least 12'],
    ['passwordpassword', 'common'],
    ['123456789012', 'common'],
    ['jane.doe-is-great', 'email'],
  ])('refuses %s (%s)', (password, why) => {
    const problems = passwordProblems(password, 'jane.doe@example.org');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('VAL-PASSWORD-WEAK');
    expect(problems[0]!.message).toMatch(
      new RegExp(why === 'email' ? 'email' : why === 'common' ? 'common' : '12'),
    );
  });

  it('accepts a long, uncommon passphrase', () => {
    expect(passwordProblems('correct horse battery staple', 'jane.doe@example.org')).toEqual([]);
  });

  it('accepts the demo password (13 characters, not common)', () => {
    expect(passwordProblems('openpars-demo', 'provider@example.org')).toEqual([]);
  });
});
