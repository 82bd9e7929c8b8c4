import type { ActivityRecord, Requirement } from './activity.rules';
import type { ActivityInput } from './activity.schema';

// Conversions between the stored, normalised record and the JSON the API speaks. Money is whole
// dollars on the wire and cents in storage.

export type ActivityMeta = {
  parsActivityId: number;
  providerNumber: string;
  ruleSet: string;
  reportingYear: number;
  status: string;
  targetStatus: string;
  missingRequirements: Requirement[];
  version: number;
  repeatGroupId: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

export function recordToWire(record: ActivityRecord, meta: ActivityMeta) {
  return {
    ...meta,
    ...record,
    commercialSupporters: record.commercialSupporters.map(({ amountCents, ...s }) => ({
      ...s,
      amount: amountCents === null ? null : amountCents / 100,
    })),
  };
}

/** The record as a client would send it back: the base of merge patches and copies. */
export function recordToInput(record: ActivityRecord): ActivityInput {
  const { commercialSupporters, mocRegistrations, mips, ...rest } = record;
  return {
    ...rest,
    commercialSupporters: commercialSupporters.map(({ amountCents, ...s }) => ({
      ...s,
      amount: amountCents === null ? null : amountCents / 100,
    })),
    mocRegistrations: mocRegistrations.map(({ attestedAt, attestedBy, ...m }) => ({
      ...m,
      attested: attestedAt !== null ? true : undefined,
    })),
    mips: mips
      ? {
          improvementActivity: mips.improvementActivity,
          participationDefinition: mips.participationDefinition,
          attested: mips.attestedAt !== null ? true : undefined,
        }
      : null,
  } as ActivityInput;
}

/** RFC 7396 JSON Merge Patch: objects merge, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}
