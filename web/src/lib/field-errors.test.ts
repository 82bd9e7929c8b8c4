import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldErrors, unmatchedIssues } from './field-errors';

const error = new ApiError(400, {
  code: 'REQ-VALIDATION',
  detail: 'Some fields are not valid.',
  errors: [
    { path: 'email', code: 'VAL-FORMAT', message: 'must be an email address' },
    { path: ['primaryContact', 'name'], code: 'VAL-REQUIRED', message: 'is required' },
    { path: 'email', code: 'VAL-LENGTH', message: 'is too long' },
    { path: 'jaProfessions', code: 'VAL-RANGE', message: 'apply only to jointly accredited providers' },
  ],
});

describe('fieldErrors', () => {
  it('keys the first message of each path, as a sentence', () => {
    expect(fieldErrors(error)).toEqual({
      email: 'Must be an email address',
      'primaryContact.name': 'Is required',
      jaProfessions: 'Apply only to jointly accredited providers',
    });
  });

  it('is empty for anything but an API error', () => {
    expect(fieldErrors(new Error('boom'))).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('unmatchedIssues', () => {
  it('lists the issues no field of the form shows', () => {
    expect(unmatchedIssues(error, ['email', 'primaryContact.name'])).toEqual([
      'jaProfessions: apply only to jointly accredited providers',
    ]);
  });
});
