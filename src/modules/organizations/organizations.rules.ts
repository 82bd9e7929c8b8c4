import type { FieldError } from '../../platform/errors';
import { isCode } from '../../reference/codes';
import { invalidRoles, type OrganizationKind } from '../identity/permissions.rules';

// Checks beyond the shape: code lists, dates, URLs. Used by the API and the web form alike.
export type ProviderFields = {
  organizationType?: string;
  state?: string | null;
  country?: string | null;
  website?: string | null;
  termStart?: string | null;
  termEnd?: string | null;
  jaProfessions?: string[];
};

export function isValidDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function providerProblems(p: ProviderFields): FieldError[] {
  const errors: FieldError[] = [];
  if (p.organizationType !== undefined && !isCode('provider-types', p.organizationType)) {
    errors.push({
      path: 'organizationType',
      code: 'VAL-CODE',
      message: 'is not a provider type of the code list provider-types',
      value: p.organizationType,
    });
  }
  if (p.state && !isCode('states', p.state)) {
    errors.push({
      path: 'state',
      code: 'VAL-CODE',
      message: 'is not a USPS state or territory code',
      value: p.state,
    });
  }
  if (p.country && !isCode('countries', p.country)) {
    errors.push({
      path: 'country',
      code: 'VAL-CODE',
      message: 'is not an ISO 3166-1 alpha-3 country code',
      value: p.country,
    });
  }
  if (p.website && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(p.website)) {
    errors.push({
      path: 'website',
      code: 'VAL-FORMAT',
      message: 'must be a web address starting with https:// or http://',
      value: p.website,
    });
  }
  for (const key of ['termStart', 'termEnd'] as const) {
    const v = p[key];
    if (v && !isValidDate(v))
      errors.push({ path: key, code: 'VAL-FORMAT', message: 'is not a calendar date', value: v });
  }
  if (p.termStart && p.termEnd && p.termEnd < p.termStart) {
    errors.push({
      path: 'termEnd',
      code: 'VAL-RANGE',
      message: 'must be on or after the term start',
      value: p.termEnd,
    });
  }
  for (const [i, code] of (p.jaProfessions ?? []).entries()) {
    if (!isCode('ja-professions', code)) {
      errors.push({
        path: `jaProfessions.${i}`,
        code: 'VAL-CODE',
        message: 'is not a profession of the code list ja-professions',
        value: code,
      });
    }
  }
  return errors;
}

export function roleProblems(kind: OrganizationKind, roles: string[]): FieldError[] {
  const bad = invalidRoles(kind, roles);
  const errors: FieldError[] = bad.map((r) => ({
    path: 'roles',
    code: 'VAL-CODE',
    message: kind === 'PROVIDER' ? 'is not a contact type' : `is not a role of this kind of organisation`,
    value: r,
  }));
  if (new Set(roles).size !== roles.length)
    errors.push({ path: 'roles', code: 'VAL-UNIQUE', message: 'lists a role twice' });
  return errors;
}
