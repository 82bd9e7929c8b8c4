// Wire shapes of the endpoints the web app uses (docs/api.md). Dates without time are 'YYYY-MM-DD'
// strings; timestamps are ISO 8601 strings.
import type { OrganizationKind, Permission, Role } from '../../../src/modules/identity/permissions.rules';
import { ACCREDITATION_STATUSES } from '../../../src/modules/organizations/organizations.schema';

export type Id = number | string;

export type Instance = {
  demo: boolean;
  fixedToday: string | null;
  version: string;
  mailMode: 'smtp' | 'outbox';
};

export type UserKind = 'STAFF' | 'PHYSICIAN';

export type User = { id: string; email: string; name: string; kind: UserKind };

export type MembershipSummary = {
  id: Id;
  kind: OrganizationKind;
  code: string | null;
  name: string;
  roles: Role[];
  permissions: Permission[];
};

export type Me = {
  user: User;
  organizations: MembershipSummary[];
  currentOrganizationId: Id | null;
  permissions: Permission[];
  csrfToken: string;
};

export type LoginResult = { user: User; csrfToken: string };

export type Invitation = {
  email: string;
  name: string;
  organizationName: string | null;
  /** The account already has a password (it belongs to another organisation too). */
  passwordAlreadySet?: boolean;
};

export { ACCREDITATION_STATUSES };
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];

export type AccreditorRef = { id: Id; name: string; code: string | null };

export type ProviderProfile = {
  providerNumber: string;
  otherNames: string[];
  organizationType: string;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  website: string | null;
  accreditationStatus: AccreditationStatus;
  termStart: string | null;
  termEnd: string | null;
  accreditor: AccreditorRef;
};

export type Organization = {
  id: Id;
  kind: OrganizationKind;
  code: string | null;
  name: string;
  provider?: ProviderProfile;
  board?: {
    boardKind: 'CERTIFYING' | 'STATE';
    deliveryMode: 'ROSTER' | 'API' | 'VIEW';
    collaborating: boolean;
  };
  accreditor?: { accreditorKind: AccreditorKind; state: string | null };
};

export type AccreditorKind = 'ACCME' | 'RECOGNIZED_ACCREDITOR' | 'JOINT_ACCREDITATION';

export type Accreditor = { id: Id; code: string | null; name: string; accreditorKind: AccreditorKind };

export type ProviderListItem = {
  id: Id;
  providerNumber: string;
  name: string;
  organizationType: string;
  accreditationStatus: AccreditationStatus;
  accreditor: AccreditorRef;
  city: string | null;
  state: string | null;
  termEnd: string | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Decision = {
  id: Id;
  status: AccreditationStatus;
  termStart: string | null;
  termEnd: string | null;
  decidedOn: string;
  kind: string;
  note: string | null;
};

export type MemberStatus = 'INVITED' | 'ACTIVE' | 'LOCKED' | 'DEACTIVATED';

export type Member = {
  userId: string;
  name: string;
  email: string;
  status: MemberStatus;
  roles: Role[];
  lastLoginAt: string | null;
};

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { name: string } | null;
};

export type CreatedApiKey = { id: string; name: string; prefix: string; key: string; createdAt: string };

export type AuditChannel = 'WEB' | 'API' | 'UPLOAD' | 'SYSTEM' | 'SEED';

export type AuditEntry = {
  id: Id;
  at: string;
  channel: AuditChannel;
  action: string;
  entityType: string;
  entityId: string;
  actor: { userId: string; name: string; email: string } | null;
  actorApiKeyId?: string | null;
  subjectOrganizationId: Id | null;
  before: unknown;
  after: unknown;
};

export type OutboxMessage = {
  id: Id;
  to: string;
  subject: string;
  bodyText: string;
  template: string;
  status: string;
  createdAt: string;
};

/** An entry of a code list; countries carry their code as `alpha3` as well. */
export type CodeItem = { code: string; name: string; alpha3?: string };

export type CodeList = { list: string; items: CodeItem[] };
