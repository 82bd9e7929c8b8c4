import { describe, expect, it } from 'vitest';
import {
  CONTACT_TYPES,
  canManagePeople,
  invalidRoles,
  type Permission,
  permissionsFor,
} from './permissions.rules';

// program.md §2.1, row by row: which contact types hold each permission.
const MATRIX: [Permission, string[]][] = [
  ['org.view', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL', 'BILLING', 'WEBSITE']],
  ['org.edit', ['PRIMARY', 'CEO']],
  ['contacts.manage', ['PRIMARY', 'CEO']],
  ['activities.view', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL']],
  ['activities.edit', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL']],
  ['learners.view', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL']],
  ['learners.report', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL']],
  ['annual.edit', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF']],
  ['annual.submit', ['PRIMARY', 'CEO']],
  ['accreditation.edit', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF']],
  ['billing.view', ['PRIMARY', 'CEO', 'BILLING']],
  ['api.manage', ['PRIMARY', 'TECHNICAL']],
  ['support.request', ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL', 'BILLING', 'WEBSITE']],
];

describe('provider contact-type permissions (program.md §2.1)', () => {
  for (const [permission, holders] of MATRIX) {
    for (const type of CONTACT_TYPES) {
      const expected = holders.includes(type);
      it(`${type} ${expected ? 'has' : 'lacks'} ${permission}`, () => {
        expect(permissionsFor('PROVIDER', [type]).includes(permission)).toBe(expected);
      });
    }
  }

  it('gives the union of several contact types', () => {
    const perms = permissionsFor('PROVIDER', ['BILLING', 'TECHNICAL']);
    expect(perms).toContain('billing.view');
    expect(perms).toContain('api.manage');
    expect(perms).not.toContain('org.edit');
  });
});

describe('staff roles (program.md §2.2)', () => {
  it('lets accreditor administrators manage providers and staff, staff only read', () => {
    expect(permissionsFor('ACCREDITOR', ['ACCREDITOR_ADMIN'])).toEqual(
      expect.arrayContaining(['providers.manage', 'staff.manage', 'audit.view']),
    );
    const staff = permissionsFor('ACCREDITOR', ['ACCREDITOR_STAFF']);
    expect(staff).toContain('providers.view');
    expect(staff).not.toContain('providers.manage');
  });

  it('keeps reviewers to their assigned reviews', () => {
    expect(permissionsFor('ACCREDITOR', ['REVIEWER'])).not.toContain('providers.view');
  });

  it('separates board administrators from board staff', () => {
    expect(permissionsFor('BOARD', ['BOARD_ADMIN'])).toContain('board.settings');
    expect(permissionsFor('BOARD', ['BOARD_STAFF'])).not.toContain('board.settings');
    expect(permissionsFor('BOARD', ['BOARD_STAFF'])).toContain('board.verdicts');
  });

  it('never grants a role outside its kind of organisation', () => {
    expect(permissionsFor('PROVIDER', ['ACCREDITOR_ADMIN'])).toEqual([]);
    expect(invalidRoles('PROVIDER', ['PRIMARY', 'BOARD_ADMIN'])).toEqual(['BOARD_ADMIN']);
    expect(invalidRoles('BOARD', ['PRIMARY'])).toEqual(['PRIMARY']);
  });

  it('lets only Primary/CEO or administrators manage people', () => {
    expect(canManagePeople('PROVIDER', ['CEO'])).toBe(true);
    expect(canManagePeople('PROVIDER', ['STAFF', 'TECHNICAL'])).toBe(false);
    expect(canManagePeople('BOARD', ['BOARD_ADMIN'])).toBe(true);
    expect(canManagePeople('BOARD', ['BOARD_STAFF'])).toBe(false);
  });
});
