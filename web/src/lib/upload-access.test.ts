import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../src/modules/identity/permissions.rules';
import type { MembershipSummary } from '../api/types';
import { activityLinkKind, uploadMode } from './upload-access';

function access(kind: MembershipSummary['kind'] | null, permissions: Permission[]) {
  const organization = kind ? { id: 1, kind, code: null, name: 'Org', roles: [], permissions } : null;
  return { organization, can: (p: Permission) => permissions.includes(p) };
}

describe('uploadMode', () => {
  it('gives a provider’s editors their own uploads', () => {
    expect(uploadMode(access('PROVIDER', ['activities.edit']))).toBe('provider');
    expect(uploadMode(access('PROVIDER', ['activities.view']))).toBeNull();
  });

  it('gives accreditor and operator administrators archive imports', () => {
    expect(uploadMode(access('ACCREDITOR', ['providers.view', 'archive.import']))).toBe('archive');
    expect(uploadMode(access('OPERATOR', ['archive.import']))).toBe('archive');
    expect(uploadMode(access('ACCREDITOR', ['providers.view']))).toBeNull();
    expect(uploadMode(access(null, []))).toBeNull();
  });
});

describe('activityLinkKind', () => {
  it('sends editors to the form, readers to the page, and others nowhere', () => {
    const editor = access('PROVIDER', ['activities.view', 'activities.edit']);
    expect(activityLinkKind(editor, false)).toBe('edit');
    expect(activityLinkKind(access('PROVIDER', ['activities.view']), false)).toBe('view');
    const accreditor = access('ACCREDITOR', ['providers.view', 'archive.import']);
    expect(activityLinkKind(accreditor, true)).toBe('view');
    expect(activityLinkKind(access('OPERATOR', ['archive.import']), true)).toBeNull();
  });

  it('never offers the form for an archive import, whose years are locked', () => {
    const editor = access('PROVIDER', ['activities.view', 'activities.edit']);
    expect(activityLinkKind(editor, true)).toBe('view');
  });
});
