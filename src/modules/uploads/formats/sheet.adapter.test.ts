import { describe, expect, it } from 'vitest';
import { activityInputSchema } from '../../activities/activity.schema';
import type { DelimitedRow } from './delimited-reader';
import { analyzeActivitySheetHeader, type SheetHeader } from './layout-detect';
import { columnNameFor, mapSheetRow, sheetActivitiesAdapter, sheetRecord } from './sheet.adapter';

// OP-ACT-1 header → ActivityInput (formats.md §4.1) and each cell code of §2.8 / §9.

function header(...headings: string[]): SheetHeader {
  const analysis = analyzeActivitySheetHeader(headings, 1);
  if (!analysis.ok) throw new Error(analysis.error.message);
  return analysis.header;
}
const row = (fields: string[], line = 2): DelimitedRow => ({ line, fields, blank: false, errors: [] });

function mapOne(cells: Record<string, string>) {
  const h = header(...Object.keys(cells));
  return mapSheetRow(h, row(Object.values(cells)));
}

describe('OP-ACT-1 header → ActivityInput', () => {
  it('maps scalars case-insensitively, in any order, with sheet value syntax', () => {
    const m = mapOne({
      TITLE: 'Grand rounds',
      providerActivityID: 'GR-1',
      format: 'c',
      deliveryMethod: 'IN_PERSON',
      startDate: '2025-03-01',
      EndDate: '3/2/2025',
      city: 'Austin',
      state: 'tx',
      country: 'USA',
      creditsDesignated: '1.50',
      description: 'Line one\nline two, with a comma',
      providership: 'JOINT',
      jointProviders: 'Acme\\; Sons;Other Org',
      topics: 'OPIOIDS, PAIN;ETHICS',
      listInPassport: 'Y',
      hasFee: 'false',
      registration: 'OPEN',
      activityUrl: 'https://example.org/a',
      outcomeMeasures: 'KNOWLEDGE;COMPETENCE',
      commercialSupportReceived: 'No',
      physicianLearnerCount: '10',
      otherLearnerCount: '52',
      otherLearnersByProfession: 'NURSE:40;PHARMACIST:12',
      requestedStatus: '',
    });
    expect(m.errors).toEqual([]);
    expect(m.action).toBe('UPSERT');
    expect(m.key).toBe('GR-1');
    expect(m.input).toEqual({
      title: 'Grand rounds',
      providerActivityId: 'GR-1',
      format: 'c',
      deliveryMethod: 'IN_PERSON',
      startDate: '2025-03-01',
      endDate: '2025-03-02',
      city: 'Austin',
      state: 'tx',
      country: 'USA',
      creditsDesignated: 1.5,
      description: 'Line one\nline two, with a comma',
      providership: 'JOINT',
      jointProviders: ['Acme; Sons', 'Other Org'],
      topics: ['OPIOIDS', 'PAIN', 'ETHICS'],
      listInPassport: true,
      hasFee: false,
      registration: 'OPEN',
      activityUrl: 'https://example.org/a',
      outcomeMeasures: ['KNOWLEDGE', 'COMPETENCE'],
      commercialSupportReceived: false,
      physicianLearnerCount: 10,
      otherLearnerCount: 52,
      otherLearnersByProfession: { NURSE: 40, PHARMACIST: 12 },
      requestedStatus: null,
    });
    expect(activityInputSchema.safeParse(m.input).success).toBe(true);
    expect(m.columnNames.endDate).toBe('EndDate');
  });

  it('empty cells of present columns clear the value', () => {
    const m = mapOne({ providerActivityId: 'E-1', title: '', topics: '', otherLearnersByProfession: '' });
    expect(m.input).toEqual({
      providerActivityId: 'E-1',
      title: null,
      topics: [],
      otherLearnersByProfession: {},
    });
  });

  it('builds supporters, enduring counts, MOC registrations, REMS and MIPS from dot paths', () => {
    const m = mapOne({
      providerActivityId: 'S-1',
      'commercialSupporters.2.name': 'Pharma B',
      'commercialSupporters.2.kind': 'IN_KIND',
      'commercialSupporters.2.inKindTypes': 'DURABLE_EQUIPMENT;OTHER',
      'commercialSupporters.2.inKindOther': 'Coffee',
      'commercialSupporters.1.name': 'Pharma A',
      'commercialSupporters.1.kind': 'MONETARY',
      'commercialSupporters.1.amount': '25000.00',
      'commercialSupporters.3.name': '',
      'commercialSupporters.3.amount': '',
      'enduringCounts.2026.physicianLearners': '20',
      'enduringCounts.2026.otherLearners': '4',
      'enduringCounts.2025.physicianLearners': '10',
      'enduringCounts.2025.otherLearners': '2',
      'mocRegistrations.abim.creditTypes': 'MK:1.5;PA:0.25',
      'mocRegistrations.abim.practiceAreas': 'IM',
      'mocRegistrations.abim.attest': 'Yes',
      'mocRegistrations.abim.claimDate': '12/31/2025',
      'mocRegistrations.ABP.hasFee': '',
      'rems.type': 'COMPLIANT',
      'rems.byProfession': 'MD:10',
      'rems.deaIndividual': '3',
      'mips.improvementActivity': 'yes',
      'mips.attest': 'Y',
      'mips.participationDefinition': 'Attendance',
    });
    expect(m.errors).toEqual([]);
    expect(m.input.commercialSupporters).toEqual([
      { name: 'Pharma A', kind: 'MONETARY', amount: 25000 },
      {
        name: 'Pharma B',
        kind: 'IN_KIND',
        inKindTypes: ['DURABLE_EQUIPMENT', 'OTHER'],
        inKindOther: 'Coffee',
      },
    ]);
    expect(m.input.enduringCounts).toEqual([
      { year: 2025, physicianLearners: 10, otherLearners: 2 },
      { year: 2026, physicianLearners: 20, otherLearners: 4 },
    ]);
    expect(m.input.mocRegistrations).toEqual([
      {
        board: 'ABIM',
        creditTypes: [
          { code: 'MK', amount: 1.5 },
          { code: 'PA', amount: 0.25 },
        ],
        practiceAreas: ['IM'],
        attested: true,
        claimDate: '2025-12-31',
      },
    ]);
    expect(m.input.rems).toEqual({ type: 'COMPLIANT', byProfession: { MD: 10 }, deaIndividual: 3 });
    expect(m.input.mips).toEqual({
      improvementActivity: true,
      attested: true,
      participationDefinition: 'Attendance',
    });
    expect(activityInputSchema.safeParse(m.input).success).toBe(true);
    // rule paths (0-based) → the file's headings
    expect(columnNameFor(m.columnNames, 'commercialSupporters.0.amount')).toBe(
      'commercialSupporters.1.amount',
    );
    expect(columnNameFor(m.columnNames, 'commercialSupporters.1.inKindTypes.0')).toBe(
      'commercialSupporters.2.inKindTypes',
    );
    expect(columnNameFor(m.columnNames, 'enduringCounts.1.otherLearners')).toBe(
      'enduringCounts.2026.otherLearners',
    );
    expect(columnNameFor(m.columnNames, 'mocRegistrations.0.creditTypes.1.amount')).toBe(
      'mocRegistrations.abim.creditTypes',
    );
    expect(columnNameFor(m.columnNames, 'mips.attested')).toBe('mips.attest');
  });

  it('all-empty REMS/MIPS columns mean no REMS/MIPS details', () => {
    const m = mapOne({ providerActivityId: 'R-1', 'rems.type': '', 'mips.attest': '' });
    expect(m.input).toEqual({ providerActivityId: 'R-1', rems: null, mips: null });
  });

  it.each([
    ['startDate', '26/03/2025', 'ACT-DATE-INVALID'],
    ['startDate', 'March 1', 'ACT-DATE-FORMAT'],
    ['endDate', '2025-02-30', 'ACT-DATE-INVALID'],
    ['listInPassport', 'Maybe', 'ACT-BOOLEAN'],
    ['creditsDesignated', '1,5', 'ACT-NUMBER-FORMAT'],
    ['creditsDesignated', '1.333', 'ACT-CREDIT-PRECISION'],
    ['creditsDesignated', '1.1', 'ACT-CREDIT-PRECISION'],
    ['creditsDesignated', '-1', 'ACT-NUMBER-RANGE'],
    ['physicianLearnerCount', '1,040', 'ACT-NUMBER-FORMAT'],
    ['physicianLearnerCount', '-5', 'ACT-NUMBER-RANGE'],
    ['otherLearnersByProfession', 'NURSE=4', 'ACT-NUMBER-FORMAT'],
    ['otherLearnersByProfession', 'NURSE:two', 'ACT-NUMBER-FORMAT'],
    ['commercialSupporters.1.amount', '$5,000', 'ACT-AMOUNT-FORMAT'],
    ['commercialSupporters.1.amount', '25000.50', 'ACT-AMOUNT-FORMAT'],
    ['enduringCounts.2025.physicianLearners', 'ten', 'ACT-NUMBER-FORMAT'],
    ['mocRegistrations.ABIM.creditTypes', 'MK:1.1', 'ACT-CREDIT-PRECISION'],
    ['mocRegistrations.ABIM.creditTypes', 'MK', 'ACT-NUMBER-FORMAT'],
    ['mocRegistrations.ABIM.hasFee', 'perhaps', 'ACT-BOOLEAN'],
    ['mocRegistrations.ABIM.claimDate', '13/13/2025', 'ACT-DATE-INVALID'],
    ['rems.prescribersLastYear', '1.5', 'ACT-NUMBER-FORMAT'],
    ['mips.improvementActivity', 'sure', 'ACT-BOOLEAN'],
    ['action', 'REMOVE', 'ACT-ACTION-CODE'],
    ['parsActivityId', 'P-12', 'ACT-NUMBER-FORMAT'],
  ])('%s = %j → %s with the heading as columnName', (heading, value, code) => {
    const h = header('providerActivityId', heading);
    const m = mapSheetRow(h, row(['K-1', value], 7));
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]).toMatchObject({ row: 7, code, columnName: heading, value });
    const record = sheetRecord(h, row(['K-1', value], 7));
    expect(record.command).toBeNull();
    expect(record.errors[0]?.code).toBe(code);
  });

  it('reports every failing cell of a row', () => {
    const m = mapOne({ providerActivityId: 'K', startDate: 'x', creditsDesignated: 'y', hasFee: 'z' });
    expect(m.errors.map((e) => e.code)).toEqual(['ACT-DATE-FORMAT', 'ACT-NUMBER-FORMAT', 'ACT-BOOLEAN']);
  });

  it('ignores read-only, unknown and empty-headed columns', () => {
    const h = header(
      'providerActivityId',
      'status',
      'legacy.activityType',
      'mocRegistrations.ABIM.attestedAt',
      'Notes',
      '',
    );
    const m = mapSheetRow(h, row(['K-2', 'ACTIVE', 'x', 'y', 'z', 'w']));
    expect(m.errors).toEqual([]);
    expect(m.input).toEqual({ providerActivityId: 'K-2' });
  });
});

describe('OP-ACT-1 rows → commands', () => {
  it('an UPSERT row becomes the upload UPSERT command, merged with the stored record', () => {
    const h = header('parsActivityId', 'providerActivityId', 'title');
    const r = sheetRecord(h, row(['123', 'A-1', 'T']));
    expect(r.command).toEqual({
      action: 'UPSERT',
      mode: 'UPSERT',
      input: { providerActivityId: 'A-1', title: 'T' },
      parsActivityId: 123,
      requireProviderKey: true,
      mergeWithStored: { mocBoards: [], enduringYears: [] },
    });
    expect(r.key).toBe('A-1');
    expect(r.columnNameOf?.('title')).toBe('title');
  });

  it('names the boards and years whose columns the header has, empty groups included', () => {
    const h = header(
      'providerActivityId',
      'mocRegistrations.ABIM.internalId',
      'mocRegistrations.ABP.internalId',
      'enduringCounts.2024.physicianLearners',
    );
    const r = sheetRecord(h, row(['A-1', 'X1', '', '12']));
    const command = r.command as { mergeWithStored: unknown; input: Record<string, unknown> };
    expect(command.mergeWithStored).toEqual({ mocBoards: ['ABIM', 'ABP'], enduringYears: [2024] });
    expect(command.input.mocRegistrations).toEqual([{ board: 'ABIM', internalId: 'X1' }]);
    // only the count that has a column: the other keeps its stored value
    expect(command.input.enduringCounts).toEqual([{ year: 2024, physicianLearners: 12 }]);
  });

  it.each(['DELETE', 'd', 'Delete'])('action %s deletes by key and ignores the other cells', (action) => {
    const h = header('action', 'providerActivityId', 'startDate');
    const r = sheetRecord(h, row([action, 'A-2', 'not a date']));
    expect(r.errors).toEqual([]);
    expect(r.command).toEqual({ action: 'DELETE', parsActivityId: null, providerActivityId: 'A-2' });
  });

  it('U and empty action are UPSERT', () => {
    const h = header('action', 'providerActivityId');
    expect(sheetRecord(h, row(['U', 'A-3'])).command?.action).toBe('UPSERT');
    expect(sheetRecord(h, row(['', 'A-3'])).command?.action).toBe('UPSERT');
  });

  it('a row with a quoting error is rejected as read', () => {
    const h = header('providerActivityId', 'title');
    const r = sheetRecord(h, {
      line: 4,
      fields: ['A-4'],
      blank: false,
      errors: [
        { line: 4, path: '', columnName: 'column 2', code: 'FMT-QUOTE', message: 'bad quote', value: null },
      ],
    });
    expect(r.command).toBeNull();
    expect(r.errors[0]).toMatchObject({ code: 'FMT-QUOTE', row: 4 });
  });
});

describe('sheetActivitiesAdapter', () => {
  const fileOf = (text: string) => () =>
    (async function* () {
      yield new TextEncoder().encode(text);
    })();

  it('reads CSV, semicolon and TSV sheets with Excel quoting', async () => {
    for (const [sep, text] of [
      [
        ',',
        'providerActivityId,title,description\r\nA-1,"Title, one","Two\r\nlines, ""quoted"""\r\n\r\nA-2,T2,\r\n',
      ],
      [';', 'providerActivityId;title\nA-1;T1\nA-2;T2\n'],
      ['\t', 'providerActivityId\ttitle\nA-1\tT1\nA-2\tT2\n'],
    ] as const) {
      const open = fileOf(text);
      const inspection = await sheetActivitiesAdapter.inspect(open);
      expect(inspection, sep).toMatchObject({ layout: 'OP-ACT-1', encoding: 'utf-8' });
      const records = [];
      for await (const r of sheetActivitiesAdapter.records(open)) records.push(r);
      expect(records.map((r) => r.key)).toEqual(['A-1', 'A-2']);
      if (sep === ',') {
        expect(records.map((r) => r.row)).toEqual([2, 5]);
        const command = records[0]?.command;
        const input = command?.action === 'UPSERT' ? command.input : null;
        expect(input).toMatchObject({ title: 'Title, one', description: 'Two\nlines, "quoted"' });
      }
    }
  });

  it('warns about unknown columns and refuses duplicate or keyless headers', async () => {
    const ok = await sheetActivitiesAdapter.inspect(fileOf('providerActivityId,Notes\nA,x\n'));
    expect(ok).toMatchObject({ warnings: [{ code: 'FMT-UNKNOWN-COLUMN', columnName: 'Notes' }] });
    const dup = await sheetActivitiesAdapter.inspect(fileOf('providerActivityId,Title,title\nA,x,y\n'));
    expect(dup).toMatchObject({ error: { code: 'FILE-UNKNOWN-LAYOUT' } });
    const empty = await sheetActivitiesAdapter.inspect(fileOf('providerActivityId,title\n'));
    expect(empty).toMatchObject({ error: { code: 'FILE-EMPTY' } });
  });
});
