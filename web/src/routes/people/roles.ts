import type { OrganizationKind } from '../../../../src/modules/identity/permissions.rules';
import { ROLE_LABELS, ROLES_BY_ORGANIZATION_KIND } from '../../../../src/modules/identity/permissions.rules';

/** Options of the roles an organisation of this kind can hand out, labelled as in program.md §2. */
export function roleOptions(kind: OrganizationKind) {
  return ROLES_BY_ORGANIZATION_KIND[kind].map((role) => ({ value: role, label: ROLE_LABELS[role] }));
}
