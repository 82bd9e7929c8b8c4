// The "Frequency" column of spec/learners.md §6, as data for stage 2: which once-per-day slot a board
// record takes. Two live records of the same physician, activity and completion date in the same slot
// break LRN-ONCE-PER-DAY (§5). Stage 1 cannot decide that (it needs the resolved physician), so it only
// says which slot a record falls in; the collision check runs once identity is known.

export type FrequencyRule = 'NONE' | 'ONE_PER_DAY' | 'ONE_PER_DAY_PER_PS_KIND';

/** Board settings of §6 that decide the slot; edited by board administrators like the others. */
export type FrequencySettings = {
  frequencyRule: FrequencyRule;
  /** Activity formats (activity-types codes) to which the rule does not apply (ABP: JN). */
  frequencyExemptFormats: readonly string[];
};

const NO_LIMIT: FrequencySettings = { frequencyRule: 'NONE', frequencyExemptFormats: [] };

/**
 * The §6 values that boards.tsv has no column for (the notes column says them in words only). A
 * board's own settings override these, so an administrator can change them without a release.
 */
export const SPEC_FREQUENCY_DEFAULTS: Readonly<Record<string, FrequencySettings>> = {
  ABA: { frequencyRule: 'ONE_PER_DAY_PER_PS_KIND', frequencyExemptFormats: [] },
  ABP: { frequencyRule: 'ONE_PER_DAY', frequencyExemptFormats: ['JN'] },
};

export function frequencySettings(board: string, edits?: Partial<FrequencySettings>): FrequencySettings {
  return { ...NO_LIMIT, ...SPEC_FREQUENCY_DEFAULTS[board], ...edits };
}

/**
 * `DAY`: one record per day. `DAY_PS` / `DAY_NON_PS`: ABA's patient-safety pair, one record with PS
 * and one without (their points together are checked by checkAbaPairTotal). null: no limit, either
 * because the board sets none or because the activity's format is exempt (ABP journal-based CME).
 */
export type OncePerDaySlot = 'DAY' | 'DAY_PS' | 'DAY_NON_PS';

export type SlotRecord = { board: string | null; mocCreditTypes: readonly string[] };

export function oncePerDaySlot(
  record: SlotRecord,
  activityFormat: string,
  settings: FrequencySettings,
): OncePerDaySlot | null {
  if (record.board === null || settings.frequencyRule === 'NONE') return null;
  if (settings.frequencyExemptFormats.includes(activityFormat)) return null;
  if (settings.frequencyRule === 'ONE_PER_DAY') return 'DAY';
  return record.mocCreditTypes.includes('PS') ? 'DAY_PS' : 'DAY_NON_PS';
}

/** The ABP-style exemption on its own, for screens and the board feed. */
export const isFrequencyExempt = (activityFormat: string, settings: FrequencySettings): boolean =>
  settings.frequencyRule !== 'NONE' && settings.frequencyExemptFormats.includes(activityFormat);
