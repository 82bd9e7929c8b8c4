import { describe, expect, it } from 'vitest';
import type { ActivityInput } from './activity.schema';
import { mergeSheetRow } from './activity.wire';

// Partial sheets over stored records (formats.md §4.1 "Update semantics").
const stored = {
  providerActivityId: 'A-1',
  title: 'Stored title',
  description: 'Stored description',
  commercialSupporters: [{ name: 'Old Co', kind: 'MONETARY', amount: 100 }],
  mocRegistrations: [
    { board: 'ABIM', internalId: 'I-1', creditTypes: [{ code: 'MK', amount: 1 }] },
    { board: 'ABP', internalId: 'P-1' },
  ],
  enduringCounts: [
    { year: 2023, physicianLearners: 10, otherLearners: 2 },
    { year: 2024, physicianLearners: 20, otherLearners: 4 },
  ],
} as ActivityInput;

const none = { mocBoards: [], enduringYears: [] };

describe('mergeSheetRow', () => {
  it('keeps every field the sheet has no column for, and takes the ones it has (empty clears)', () => {
    const merged = mergeSheetRow(
      stored,
      { providerActivityId: 'A-1', title: 'New', description: null },
      none,
    );
    expect(merged).toMatchObject({ title: 'New', description: null });
    expect(merged.mocRegistrations).toEqual(stored.mocRegistrations);
    expect(merged.enduringCounts).toEqual(stored.enduringCounts);
    expect(merged.commercialSupporters).toEqual(stored.commercialSupporters);
  });

  it('replaces the whole supporter list when supporter columns are present', () => {
    const merged = mergeSheetRow(stored, { commercialSupporters: [] }, none);
    expect(merged.commercialSupporters).toEqual([]);
  });

  it('replaces a board’s entry field by field and keeps the other boards', () => {
    const merged = mergeSheetRow(
      stored,
      { mocRegistrations: [{ board: 'ABIM', internalId: 'I-2' }] },
      { mocBoards: ['ABIM'], enduringYears: [] },
    );
    expect(merged.mocRegistrations).toEqual([
      { board: 'ABP', internalId: 'P-1' },
      { board: 'ABIM', internalId: 'I-2', creditTypes: [{ code: 'MK', amount: 1 }] },
    ]);
  });

  it('removes a board whose columns are present but all empty', () => {
    const merged = mergeSheetRow(stored, { mocRegistrations: [] }, { mocBoards: ['ABP'], enduringYears: [] });
    expect(merged.mocRegistrations?.map((m) => m.board)).toEqual(['ABIM']);
  });

  it('replaces one year of enduring counts and keeps the others, in year order', () => {
    const merged = mergeSheetRow(
      stored,
      {
        enduringCounts: [
          { year: 2024, physicianLearners: 25 } as never,
          { year: 2025, otherLearners: 1 } as never,
        ],
      },
      { mocBoards: [], enduringYears: [2024, 2025] },
    );
    expect(merged.enduringCounts).toEqual([
      { year: 2023, physicianLearners: 10, otherLearners: 2 },
      { year: 2024, physicianLearners: 25, otherLearners: 4 },
      { year: 2025, physicianLearners: null, otherLearners: 1 },
    ]);
  });
});
