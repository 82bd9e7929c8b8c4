// The permission matrices of spec/program.md §2 — the one place they are written down. The services
// check them; the web app imports this file to show only what a user may do (decisions.md §14).

export const CONTACT_TYPES = [
  'PRIMARY',
  'CEO',
  'MEDICAL_DIRECTOR',
  'STAFF',
  'TECHNICAL',
  'BILLING',
  'WEBSITE',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const ACCREDITOR_ROLES = ['ACCREDITOR_ADMIN', 'ACCREDITOR_STAFF', 'REVIEWER'] as const;
export const BOARD_ROLES = ['BOARD_ADMIN', 'BOARD_STAFF'] as const;
export const OPERATOR_ROLES = ['OPERATOR_ADMIN'] as const;
export type StaffRole =
  | (typeof ACCREDITOR_ROLES)[number]
  | (typeof BOARD_ROLES)[number]
  | (typeof OPERATOR_ROLES)[number];
export type Role = ContactType | StaffRole;

export const ROLE_LABELS: Record<Role, string> = {
  PRIMARY: 'Primary Contact',
  CEO: 'CEO Contact',
  MEDICAL_DIRECTOR: 'Medical Director',
  STAFF: 'Staff',
  TECHNICAL: 'Technical Contact',
  BILLING: 'Billing Contact',
  WEBSITE: 'Website Contact',
  ACCREDITOR_ADMIN: 'Accreditor administrator',
  ACCREDITOR_STAFF: 'Accreditor staff',
  REVIEWER: 'Reviewer',
  BOARD_ADMIN: 'Board administrator',
  BOARD_STAFF: 'Board staff',
  OPERATOR_ADMIN: 'Operator administrator',
};

export type OrganizationKind = 'ACCREDITOR' | 'PROVIDER' | 'BOARD' | 'OPERATOR';

/** Which role codes an organisation of each kind can hand out. */
export const ROLES_BY_ORGANIZATION_KIND: Record<OrganizationKind, readonly Role[]> = {
  PROVIDER: CONTACT_TYPES,
  ACCREDITOR: ACCREDITOR_ROLES,
  BOARD: BOARD_ROLES,
  OPERATOR: OPERATOR_ROLES,
};

export const PERMISSIONS = [
  // provider contact permissions (program.md §2.1)
  'org.view',
  'org.edit',
  'contacts.manage',
  'activities.view',
  'activities.edit',
  'learners.view',
  'learners.report',
  'annual.edit',
  'annual.submit',
  'accreditation.edit',
  'billing.view',
  'api.manage',
  'support.request',
  // accreditor, board and operator permissions (program.md §2.2)
  'providers.view',
  'providers.manage',
  'staff.manage',
  'audit.view',
  'reviews.assigned',
  'support.answer',
  'board.settings',
  'board.feed',
  'board.verdicts',
  'codes.manage',
  'archive.import',
  'registry.merge',
  'outbox.view',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const PROVIDER_MATRIX: Partial<Record<Permission, readonly ContactType[]>> = {
  'org.view': CONTACT_TYPES,
  'org.edit': ['PRIMARY', 'CEO'],
  'contacts.manage': ['PRIMARY', 'CEO'],
  'activities.view': ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL'],
  'activities.edit': ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL'],
  'learners.view': ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL'],
  'learners.report': ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF', 'TECHNICAL'],
  'annual.edit': ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF'],
  'annual.submit': ['PRIMARY', 'CEO'],
  'accreditation.edit': ['PRIMARY', 'CEO', 'MEDICAL_DIRECTOR', 'STAFF'],
  'billing.view': ['PRIMARY', 'CEO', 'BILLING'],
  'api.manage': ['PRIMARY', 'TECHNICAL'],
  'support.request': CONTACT_TYPES,
  // The audit trail of one's own provider is an administrator's view: Primary and CEO.
  'audit.view': ['PRIMARY', 'CEO'],
};

const STAFF_ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  ACCREDITOR_ADMIN: [
    'org.view',
    'org.edit',
    'providers.view',
    'providers.manage',
    'staff.manage',
    'audit.view',
    'support.answer',
    'support.request',
    'archive.import',
    'api.manage',
  ],
  ACCREDITOR_STAFF: ['org.view', 'providers.view', 'support.answer', 'support.request'],
  REVIEWER: ['org.view', 'reviews.assigned'],
  BOARD_ADMIN: [
    'org.view',
    'org.edit',
    'board.settings',
    'board.feed',
    'board.verdicts',
    'staff.manage',
    'audit.view',
    'api.manage',
    'support.request',
  ],
  BOARD_STAFF: ['org.view', 'board.feed', 'board.verdicts', 'support.request'],
  OPERATOR_ADMIN: [
    'org.view',
    'org.edit',
    'staff.manage',
    'audit.view',
    'codes.manage',
    'archive.import',
    'registry.merge',
    'support.answer',
    'outbox.view',
    'board.settings',
    'api.manage',
  ],
};

export function permissionsFor(kind: OrganizationKind, roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  if (kind === 'PROVIDER') {
    for (const [permission, holders] of Object.entries(PROVIDER_MATRIX)) {
      if (roles.some((r) => (holders as readonly string[]).includes(r)))
        granted.add(permission as Permission);
    }
  } else {
    for (const role of roles) {
      for (const p of STAFF_ROLE_PERMISSIONS[role as StaffRole] ?? []) granted.add(p);
    }
  }
  return PERMISSIONS.filter((p) => granted.has(p));
}

/** Roles valid for an organisation kind; returns the invalid ones. */
export function invalidRoles(kind: OrganizationKind, roles: readonly string[]): string[] {
  const allowed = ROLES_BY_ORGANIZATION_KIND[kind] as readonly string[];
  return roles.filter((r) => !allowed.includes(r));
}

/** Who may add, change and remove people of an organisation: provider contacts.manage, else staff.manage. */
export function canManagePeople(kind: OrganizationKind, roles: readonly string[]): boolean {
  const perms = permissionsFor(kind, roles);
  return perms.includes(kind === 'PROVIDER' ? 'contacts.manage' : 'staff.manage');
}
