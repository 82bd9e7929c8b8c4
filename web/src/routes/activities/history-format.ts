import {
  activityStatusLabel,
  codeLabel,
  formatDollars,
  REQUESTED_STATUS_LABELS,
} from '../../lib/activity-labels';
import { formatDate } from '../../lib/dates';

// The change history shows values as people read them, not as JSON: dates the US way, money in
// dollars (the audit trail stores the record, where money is in cents), codes by name where short.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function scalar(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDate(value) : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function countMap(value: unknown): string {
  if (!isObj(value)) return scalar(value);
  const entries = Object.entries(value);
  return entries.length ? entries.map(([k, v]) => `${k} ${scalar(v)}`).join(', ') : 'none';
}

function supporter(s: unknown): string {
  if (!isObj(s)) return scalar(s);
  const amount =
    typeof s.amountCents === 'number'
      ? formatDollars(s.amountCents / 100)
      : typeof s.amount === 'number'
        ? formatDollars(s.amount)
        : '';
  const inKind = Array.isArray(s.inKindTypes) && s.inKindTypes.length ? s.inKindTypes.join(', ') : '';
  const details = [s.kind === 'IN_KIND' ? 'in kind' : s.kind === 'MONETARY' ? 'monetary' : '', amount, inKind]
    .filter(Boolean)
    .join(', ');
  return `${scalar(s.name)}${details ? ` (${details})` : ''}`;
}

function registration(m: unknown): string {
  if (!isObj(m)) return scalar(m);
  const types = Array.isArray(m.creditTypes)
    ? m.creditTypes.map((c) => (isObj(c) ? `${c.code} ${c.amount}` : scalar(c))).join(', ')
    : '';
  const parts = [
    types || 'no credit types',
    Array.isArray(m.practiceAreas) && m.practiceAreas.length ? `areas ${m.practiceAreas.join(', ')}` : '',
    m.claimDate ? `claim by ${scalar(m.claimDate)}` : '',
    m.attestedAt ? 'attested' : 'not attested',
  ].filter(Boolean);
  return `${scalar(m.board)}: ${parts.join('; ')}`;
}

function enduring(e: unknown): string {
  if (!isObj(e)) return scalar(e);
  return `${e.year}: ${scalar(e.physicianLearners)} physicians, ${scalar(e.otherLearners)} others`;
}

function nested(value: unknown): string {
  if (!isObj(value)) return scalar(value);
  return Object.entries(value)
    .filter(([k]) => k !== 'attestedBy')
    .map(([k, v]) => {
      if (k === 'attestedAt') return `attested: ${v ? 'yes' : 'no'}`;
      const shown = Array.isArray(v) ? v.join(', ') || 'none' : isObj(v) ? countMap(v) : scalar(v);
      return `${k}: ${shown}`;
    })
    .join('; ');
}

/** One field's value in the change history. */
export function formatHistoryValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  switch (field) {
    case 'status':
      return activityStatusLabel(String(value));
    case 'requestedStatus':
      return REQUESTED_STATUS_LABELS[value as keyof typeof REQUESTED_STATUS_LABELS] ?? scalar(value);
    case 'format':
      return `${value} — ${codeLabel('activity-types', String(value))}`;
    case 'deliveryMethod':
      return codeLabel('delivery-methods', String(value));
    case 'commercialSupporters':
      return Array.isArray(value) && value.length ? value.map(supporter).join('; ') : 'none';
    case 'mocRegistrations':
      return Array.isArray(value) && value.length ? value.map(registration).join(' | ') : 'none';
    case 'enduringCounts':
      return Array.isArray(value) && value.length ? value.map(enduring).join('; ') : 'none';
    case 'otherLearnersByProfession':
      return countMap(value);
    case 'rems':
    case 'mips':
      return nested(value);
  }
  if (Array.isArray(value)) return value.length ? value.map(scalar).join(', ') : 'none';
  if (isObj(value)) return nested(value);
  return scalar(value);
}

/** Parses an audit snapshot that may arrive as JSON text. */
export function snapshot(value: unknown): Obj | null {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return isObj(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isObj(value) ? value : null;
}
