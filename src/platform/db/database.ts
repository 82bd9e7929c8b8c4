import type { ColumnType, Generated } from 'kysely';

// Table types as Kysely sees them (CamelCasePlugin maps snake_case columns). Dates are 'YYYY-MM-DD'
// strings, bigint ids numbers (see connect.ts parsers).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type OrganizationKind = 'ACCREDITOR' | 'PROVIDER' | 'BOARD' | 'OPERATOR';

export type OrganizationsTable = {
  id: Generated<number>;
  kind: OrganizationKind;
  code: string | null;
  name: string;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
};

export type AccreditorsTable = {
  organizationId: number;
  accreditorKind: 'ACCME' | 'RECOGNIZED_ACCREDITOR' | 'JOINT_ACCREDITATION';
  state: string | null;
  contactEmail: string | null;
};

export type ProvidersTable = {
  organizationId: number;
  providerNumber: string;
  otherNames: ColumnType<string[], string[] | undefined, string[]>;
  accreditorId: number;
  organizationType: string;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  website: string | null;
  accreditationStatus: string;
  termStart: string | null;
  termEnd: string | null;
  eligibilityAttestedAt: Date | null;
  jaProfessions: ColumnType<string[], string[] | undefined, string[]>;
};

export type AccreditationDecisionsTable = {
  id: Generated<number>;
  providerId: number;
  status: string;
  termStart: string | null;
  termEnd: string | null;
  decidedOn: string;
  kind: string;
  note: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
};

export type BoardsTable = {
  organizationId: number;
  boardKind: 'CERTIFYING' | 'STATE';
  collaborating: boolean;
  deliveryMode: 'ROSTER' | 'API' | 'VIEW';
  boardIdRequired: boolean;
  state: string | null;
};

export type UserStatus = 'INVITED' | 'ACTIVE' | 'LOCKED' | 'DEACTIVATED';

export type UsersTable = {
  id: string;
  email: string;
  name: string;
  kind: 'STAFF' | 'PHYSICIAN';
  status: UserStatus;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  termsAcceptedAt: Date | null;
  emailConfirmedAt: Date | null;
  isDemo: Generated<boolean>;
  lastLoginAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
};

export type MembershipsTable = {
  id: Generated<number>;
  userId: string;
  organizationId: number;
  roles: string[];
  createdAt: CreatedAt;
  updatedAt: Timestamp;
};

export type SessionsTable = {
  id: string;
  userId: string;
  organizationId: number | null;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Date;
  endedAt: Date | null;
};

export type OneTimeTokensTable = {
  id: string;
  userId: string;
  purpose: 'INVITATION' | 'PASSWORD_RESET';
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: CreatedAt;
};

export type LoginAttemptsTable = {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: CreatedAt;
};

export type ApiKeysTable = {
  id: string;
  organizationId: number;
  name: string;
  prefix: string;
  keyHash: string;
  createdBy: string;
  createdAt: CreatedAt;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type AuditChannel = 'WEB' | 'API' | 'UPLOAD' | 'SYSTEM' | 'SEED';

export type AuditLogTable = {
  id: Generated<number>;
  at: CreatedAt;
  channel: AuditChannel;
  requestId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorOrganizationId: number | null;
  subjectOrganizationId: number | null;
  entityType: string;
  entityId: string;
  action: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
};

export type MailOutboxTable = {
  id: Generated<number>;
  toAddress: string;
  subject: string;
  bodyText: string;
  template: string;
  status: Generated<'PENDING' | 'SENT' | 'FAILED' | 'OUTBOX'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: CreatedAt;
  sentAt: Date | null;
};

export type ActivitiesTable = {
  parsActivityId: Generated<number>;
  providerId: number;
  providerActivityId: string | null;
  ruleSet: Generated<string>;
  reportingYear: number;
  title: string;
  format: string;
  deliveryMethod: string | null;
  startDate: string;
  endDate: string;
  status: string;
  requestedStatus: string;
  targetStatus: string;
  missingRequirements: ColumnType<string[], string[] | undefined, string[]>;
  creditsDesignated: ColumnType<string | null, string | number | null, string | number | null>;
  listInPassport: boolean | null;
  mocBoards: ColumnType<string[], string[] | undefined, string[]>;
  isRems: Generated<boolean>;
  isMips: Generated<boolean>;
  repeatGroupId: string | null;
  data: ColumnType<unknown, string, string>;
  version: Generated<number>;
  createdAt: CreatedAt;
  createdBy: string | null;
  updatedAt: Timestamp;
  updatedBy: string | null;
  deletedAt: Date | null;
  deletedBy: string | null;
};

export type ReferenceListItemsTable = {
  id: Generated<number>;
  ownerCode: string;
  list: 'PRACTICE_AREA' | 'CONTENT_AREA' | 'REMS_BLUEPRINT' | 'TOPIC';
  code: string;
  name: string;
  active: Generated<boolean>;
  createdAt: CreatedAt;
};

export type ReportingYearLocksTable = {
  providerId: number;
  year: number;
  lockedAt: CreatedAt;
  reason: string;
};

export type IdempotencyKeysTable = {
  credential: string;
  method: string;
  path: string;
  key: string;
  bodyHash: string;
  status: number;
  response: ColumnType<unknown, string, string>;
  createdAt: CreatedAt;
};

export type UploadState =
  | 'RECEIVED'
  | 'AWAITING_CONFIRMATION'
  | 'PROCESSING'
  | 'COMPLETED'
  | 'REJECTED'
  | 'CANCELLED';

export type UploadsTable = {
  id: string;
  /** the provider whose data the file carries */
  organizationId: number;
  /** the organisation that sent it: the provider itself, or an archive importer's accreditor or operator */
  uploadedByOrganizationId: number;
  archive: Generated<boolean>;
  kind: 'activities' | 'learners' | 'roster';
  fileName: string;
  sizeBytes: number;
  sha256: string;
  state: UploadState;
  dryRun: boolean;
  confirmDuplicate: boolean;
  duplicateOf: string | null;
  layout: string | null;
  encoding: string | null;
  rowsProcessed: Generated<number>;
  committedRow: Generated<number>;
  fileWarnings: ColumnType<unknown, string | undefined, string>;
  errorCode: string | null;
  errorMessage: string | null;
  createdBy: string | null;
  receivedAt: CreatedAt;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type UploadChunksTable = { uploadId: string; seq: number; bytes: Uint8Array };

export type UploadRowsTable = {
  uploadId: string;
  row: number;
  key: string | null;
  keyDigest: Uint8Array | null;
  outcome: string;
  change: string | null;
  parsActivityId: number | null;
  status: string | null;
  targetStatus: string | null;
  missing: ColumnType<unknown, string, string>;
  errors: ColumnType<unknown, string, string>;
  warnings: ColumnType<unknown, string, string>;
};

export type UploadScratchActivitiesTable = {
  uploadId: string;
  parsActivityId: number;
  providerId: number;
  providerActivityId: string | null;
  ruleSet: string;
  reportingYear: number;
  status: string;
  targetStatus: string;
  version: number;
  repeatGroupId: string | null;
  data: ColumnType<unknown, string, string>;
  deleted: Generated<boolean>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
};

export type Database = {
  organizations: OrganizationsTable;
  accreditors: AccreditorsTable;
  providers: ProvidersTable;
  accreditationDecisions: AccreditationDecisionsTable;
  boards: BoardsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  oneTimeTokens: OneTimeTokensTable;
  loginAttempts: LoginAttemptsTable;
  apiKeys: ApiKeysTable;
  auditLog: AuditLogTable;
  mailOutbox: MailOutboxTable;
  activities: ActivitiesTable;
  referenceListItems: ReferenceListItemsTable;
  reportingYearLocks: ReportingYearLocksTable;
  idempotencyKeys: IdempotencyKeysTable;
  uploads: UploadsTable;
  uploadChunks: UploadChunksTable;
  uploadRows: UploadRowsTable;
  uploadScratchActivities: UploadScratchActivitiesTable;
};
