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

const UNKNOWN_COUNTS = { physicianLearners: null, otherLearners: null } as unknown as {
  physicianLearners: number;
  otherLearners: number;
};

/** Which per-board and per-year groups a sheet's header carries (formats.md §4.1). */
export type SheetScope = { mocBoards: string[]; enduringYears: number[] };

/**
 * A sheet row over the stored record (formats.md §4.1): a column absent from the header keeps the
 * stored value; `mocRegistrations.BOARD.*` columns replace that board's entry only and
 * `enduringCounts.YYYY.*` columns that year's entry only (field by field: a field without a column
 * keeps its stored value; a group whose cells are all empty removes the entry); supporter columns
 * replace the whole list.
 */
export function mergeSheetRow(stored: ActivityInput, row: ActivityInput, scope: SheetScope): ActivityInput {
  const merged: ActivityInput = { ...stored, ...row };
  if (row.mocRegistrations !== undefined) {
    const boards = new Set(scope.mocBoards);
    const previous = stored.mocRegistrations ?? [];
    merged.mocRegistrations = [
      ...previous.filter((m) => !boards.has(m.board)),
      ...row.mocRegistrations.map((m) => ({ ...previous.find((p) => p.board === m.board), ...m })),
    ];
  }
  if (row.enduringCounts !== undefined) {
    const years = new Set(scope.enduringYears);
    const previous = stored.enduringCounts ?? [];
    merged.enduringCounts = [
      ...previous.filter((e) => !years.has(e.year)),
      // a new year's entry without one of the count columns: the rules report the count as missing
      ...row.enduringCounts.map((e) => ({
        ...UNKNOWN_COUNTS,
        ...previous.find((p) => p.year === e.year),
        ...e,
      })),
    ].sort((a, b) => a.year - b.year);
  }
  return merged;
}
