import { ACCREDITATION_STATUS_LABELS } from '../../../src/modules/organizations/organizations.schema';
import type { AccreditationStatus, AccreditorKind, MemberStatus } from '../api/types';

export { ACCREDITATION_STATUS_LABELS };

export const ACCREDITATION_STATUS_COLORS: Record<AccreditationStatus, string> = {
  APPLICANT: 'gray',
  PROVISIONAL: 'teal',
  ACCREDITED: 'green',
  ACCREDITED_COMMENDATION: 'green',
  PROBATION: 'red',
  NONACCREDITED: 'red',
  WITHDRAWN: 'gray',
};

export function accreditationStatusLabel(status: string | null | undefined): string {
  if (!status) return '';
  return ACCREDITATION_STATUS_LABELS[status as AccreditationStatus] ?? status;
}

export const ACCREDITOR_KIND_LABELS: Record<AccreditorKind, string> = {
  ACCME: 'ACCME',
  RECOGNIZED_ACCREDITOR: 'Recognized state accreditor',
  JOINT_ACCREDITATION: 'Joint Accreditation',
};

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  INVITED: 'Invited',
  ACTIVE: 'Active',
  LOCKED: 'Locked',
  DEACTIVATED: 'Deactivated',
};

export const MEMBER_STATUS_COLORS: Record<MemberStatus, string> = {
  INVITED: 'blue',
  ACTIVE: 'green',
  LOCKED: 'red',
  DEACTIVATED: 'gray',
};

export const ORGANIZATION_KIND_LABELS = {
  PROVIDER: 'Accredited provider',
  ACCREDITOR: 'Accreditor',
  BOARD: 'Board',
  OPERATOR: 'Operator',
} as const;

export const BOARD_KIND_LABELS = { CERTIFYING: 'Certifying board', STATE: 'State licensing board' } as const;

export const DELIVERY_MODE_LABELS = {
  ROSTER: 'Roster — OpenPARS matches credit against the board’s roster',
  API: 'API — the board pulls its feed from the OpenPARS API',
  VIEW: 'View — the board reads its feed in OpenPARS',
} as const;
