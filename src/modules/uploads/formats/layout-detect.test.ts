import { describe, expect, it } from 'vitest';
import type { DelimitedRow } from './delimited-reader';
import {
  analyzeActivitySheetHeader,
  classifyActivityHeading,
  detectLayout,
  isHeadingLine,
  type LayoutResult,
  legacyMarkerLayout,
  type UploadKind,
} from './layout-detect';

// spec/formats.md §2.6, §2.7 and §4.1.

let nextLine = 1;
const row = (...fields: string[]): DelimitedRow => ({ line: nextLine++, fields, blank: false, errors: [] });
const blank = (): DelimitedRow => ({ line: nextLine++, fields: [], blank: true, errors: [] });
const rows = (...lines: (string[] | null)[]): DelimitedRow[] => {
  nextLine = 1;
  return lines.map((fields) => (fields === null ? blank() : row(...fields)));
};

const layoutOf = (r: LayoutResult) => (r.ok ? r.layout : r.error.code);
const D_ROW = ['Template D', '', 'P16-0001', '2016', 'Title'];
const LEARNER_ROW = ['A', '202410001', 'Maria', 'Alvarez', '04/12', '02/01/2024'];

describe('header line in a headerless layout (§2.6)', () => {
  it.each([
    ['Template (DO NOT ALTER OR DELETE THIS COLUMN)', true],
    ['1. Template (DO NOT ALTER OR DELETE THIS COLUMN)', true],
    ['template (do not alter or delete this column)', true],
    ['Template', true],
    ['1. Reporting Year', true],
    ['REPORTING YEAR', true],
    ['Action', true],
    ['12. Action', true],
    ['Template D', false],
    ['1.Template', false],
    ['Actions', false],
    ['', false],
  ])('%j → %j', (first, expected) => {
    expect(isHeadingLine([first, 'x'])).toBe(expected);
  });

  it.each([
    ['Template D', 'PARS-D'],
    ['template c', 'PARS-C'],
    ['TEMPLATE B', 'PARS-B'],
    ['Template  D', null],
    ['TemplateD', null],
    ['Template Z', null],
  ])('marker %j → %j', (marker, layout) => {
    expect(legacyMarkerLayout(marker)).toBe(layout);
  });
});

describe('layout detection (§2.7)', () => {
  it.each<[string, UploadKind, DelimitedRow[], string]>([
    ['Template D', 'activities', rows(D_ROW), 'PARS-D'],
    ['Template C, any case', 'activities', rows(['template c', '', 'P1']), 'PARS-C'],
    ['Template B', 'activities', rows(['TEMPLATE B', '', 'P1']), 'PARS-B'],
    ['pre-2011: a year 2005–2010', 'activities', rows(['2005', 'P1', '']), 'PARS-2010'],
    ['pre-2011: 2010', 'activities', rows(['2010', 'P1', '']), 'PARS-2010'],
    ['after blank lines', 'activities', rows(null, null, D_ROW), 'PARS-D'],
    [
      'OpenPARS sheet by providerActivityId',
      'activities',
      rows(['providerActivityId', 'title'], ['P1', 'x']),
      'OP-ACT-1',
    ],
    [
      'OpenPARS sheet by parsActivityId, any case',
      'activities',
      rows(['PARSACTIVITYID', 'Title'], ['1', 'x']),
      'OP-ACT-1',
    ],
    [
      'learner sheet',
      'learners',
      rows(
        ['firstName', 'lastName', 'birthMonthDay', 'completionDate', 'parsActivityId'],
        ['a', 'b', 'c', 'd', 'e'],
      ),
      'OP-LRN-1',
    ],
    ['learner layout v1', 'learners', rows(LEARNER_ROW), 'OP-LRN-TAB-1'],
    ['diplomate roster', 'roster', rows(['boardId', 'firstName'], ['1', 'a']), 'OP-ROSTER-DIPLOMATE-1'],
    [
      'licensee roster',
      'roster',
      rows(['licenseState', 'licenseId', 'lastName'], ['CA', 'A1', 'x']),
      'OP-ROSTER-LICENSEE-1',
    ],
    ['Template Z', 'activities', rows(['Template Z', '', 'P1']), 'FILE-UNKNOWN-LAYOUT'],
    ['a year after 2010', 'activities', rows(['2016', 'P1']), 'FILE-UNKNOWN-LAYOUT'],
    [
      'a sheet header without a key',
      'activities',
      rows(['title', 'startDate'], ['x', 'y']),
      'FILE-UNKNOWN-LAYOUT',
    ],
    ['a one-column learner line', 'learners', rows(['A']), 'FILE-UNKNOWN-LAYOUT'],
    ['a roster without IDs', 'roster', rows(['firstName', 'lastName'], ['a', 'b']), 'FILE-UNKNOWN-LAYOUT'],
    ['an activity file uploaded as learners', 'learners', rows(['Template D']), 'FILE-UNKNOWN-LAYOUT'],
    ['nothing', 'activities', rows(), 'FILE-EMPTY'],
    ['only blank lines', 'activities', rows(null, null), 'FILE-EMPTY'],
    ['only a sheet header', 'activities', rows(['providerActivityId'], null), 'FILE-EMPTY'],
    [
      'only a legacy header',
      'activities',
      rows(['1. Template (DO NOT ALTER OR DELETE THIS COLUMN)']),
      'FILE-EMPTY',
    ],
  ])('%s (%s)', (_, kind, input, expected) => {
    expect(layoutOf(detectLayout(kind, input))).toBe(expected);
  });

  it('a learner header without the names is not a sheet; read literally, a tab makes it OP-LRN-TAB-1', () => {
    const header = rows(['parsActivityId', 'completionDate'], ['1', '2']);
    expect(layoutOf(detectLayout('learners', header, { delimiter: ',' }))).toBe('FILE-UNKNOWN-LAYOUT');
    expect(layoutOf(detectLayout('learners', header, { delimiter: '\t' }))).toBe('OP-LRN-TAB-1');
  });

  it('a header row in a headerless layout is skipped with warning FMT-HEADER-SKIPPED', () => {
    const result = detectLayout(
      'activities',
      rows(null, ['1. Template (DO NOT ALTER OR DELETE THIS COLUMN)', '2. ACCME Activity ID'], null, D_ROW),
    );
    expect(result).toMatchObject({
      ok: true,
      layout: 'PARS-D',
      headerSkipped: true,
      headerLine: 2,
      firstDataLine: 4,
      header: null,
    });
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ code: 'FMT-HEADER-SKIPPED', line: 2, columnName: 'column 1' }),
    ]);
    expect(result.ok && result.warnings[0]?.message).toMatch(/Line 2 is a header row .* skipped/);
  });

  it('the learner layout v1 header (the sample file) is skipped, not taken for a learner sheet', () => {
    const header = ['Action', 'ActivityID', 'FirstName', 'LastName', 'BirthMonthDay', 'CompletionDate'];
    const result = detectLayout('learners', rows(header, LEARNER_ROW));
    expect(result).toMatchObject({ ok: true, layout: 'OP-LRN-TAB-1', headerSkipped: true, firstDataLine: 2 });
  });

  it('only the first non-blank line is examined for a header; no warning without one', () => {
    const result = detectLayout('activities', rows(D_ROW, ['Template', 'x']));
    expect(result).toMatchObject({ ok: true, layout: 'PARS-D', headerSkipped: false, warnings: [] });
  });

  it('a header followed by an unknown first data line is FILE-UNKNOWN-LAYOUT naming that line', () => {
    const result = detectLayout('activities', rows(['Template'], ['Template Z']));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'FILE-UNKNOWN-LAYOUT', line: 2 });
    expect(!result.ok && result.error.message).toMatch(/line 2 holds "Template Z".*Template D/);
  });

  it('legacy layouts must be tab-delimited', () => {
    const result = detectLayout('activities', rows(D_ROW), { delimiter: ',' });
    expect(!result.ok && result.error.code).toBe('FILE-UNKNOWN-LAYOUT');
    expect(!result.ok && result.error.message).toMatch(/tab-delimited/);
  });

  it('a sheet header with a repeated name is FILE-UNKNOWN-LAYOUT', () => {
    const result = detectLayout(
      'learners',
      rows(
        ['firstName', 'lastName', 'birthMonthDay', 'completionDate', 'parsActivityId', 'FIRSTNAME'],
        ['a', 'b', 'c', 'd', 'e', 'f'],
      ),
    );
    expect(!result.ok && result.error.message).toMatch(/names FIRSTNAME twice, in columns 1 and 6/);
  });
});

describe('OpenPARS activity sheet header (§4.1)', () => {
  it.each([
    ['title', 'title', 'field'],
    ['TITLE', 'title', 'field'],
    ['startdate', 'startDate', 'field'],
    ['outcomeMeasures', 'outcomeMeasures', 'field'],
    ['jointProviders', 'jointProviders', 'field'],
    ['providerActivityId', 'providerActivityId', 'field'],
    ['requestedStatus', 'requestedStatus', 'field'],
    ['action', 'action', 'special'],
    ['ParsActivityId', 'parsActivityId', 'special'],
    ['repeatGroupKey', 'repeatGroupKey', 'special'],
    ['providerId', 'providerId', 'special'],
    ['commercialSupporters.1.name', 'commercialSupporters.1.name', 'field'],
    ['commercialsupporters.12.AMOUNT', 'commercialSupporters.12.amount', 'field'],
    ['commercialSupporters.2.inKindTypes', 'commercialSupporters.2.inKindTypes', 'field'],
    ['commercialSupporters.0.name', 'commercialSupporters.0.name', 'unknown'],
    ['enduringCounts.2024.physicianLearners', 'enduringCounts.2024.physicianLearners', 'field'],
    ['enduringCounts.24.otherLearners', 'enduringCounts.24.otherLearners', 'unknown'],
    ['mocRegistrations.abpath.creditTypes', 'mocRegistrations.ABPath.creditTypes', 'field'],
    ['mocRegistrations.ABIM.attest', 'mocRegistrations.ABIM.attest', 'field'],
    ['mocRegistrations.ABIM.attestedAt', 'mocRegistrations.ABIM.attestedAt', 'ignored'],
    ['rems.type', 'rems.type', 'field'],
    ['rems.byProfession', 'rems.byProfession', 'field'],
    ['mips.participationDefinition', 'mips.participationDefinition', 'field'],
    ['mips.attest', 'mips.attest', 'field'],
    ['mips.attestedBy', 'mips.attestedBy', 'ignored'],
    ['status', 'status', 'ignored'],
    ['missingRequirements', 'missingRequirements', 'ignored'],
    ['reportingYear', 'reportingYear', 'ignored'],
    ['ruleSet', 'ruleSet', 'ignored'],
    ['version', 'version', 'ignored'],
    ['updatedAt', 'updatedAt', 'ignored'],
    ['legacy.hoursOfInstruction', 'legacy.hoursOfInstruction', 'ignored'],
    ['Activity Title', 'Activity Title', 'unknown'],
    ['commercialSupporters', 'commercialSupporters', 'unknown'],
    ['rems', 'rems', 'unknown'],
  ])('%j → %j (%s)', (heading, name, role) => {
    expect(classifyActivityHeading(heading)).toEqual({ name, role });
  });

  it('warns FMT-UNKNOWN-COLUMN once per unknown name; ignores system fields and empty headings silently', () => {
    const result = analyzeActivitySheetHeader(
      ['providerActivityId', 'Title', 'Notes', 'status', '', 'legacy.template', 'colour'],
      1,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.header.columns.map((c) => [c.index, c.name, c.role])).toEqual([
      [0, 'providerActivityId', 'field'],
      [1, 'title', 'field'],
      [2, 'Notes', 'unknown'],
      [3, 'status', 'ignored'],
      [4, null, 'empty'],
      [5, 'legacy.template', 'ignored'],
      [6, 'colour', 'unknown'],
    ]);
    expect(result.warnings.map((w) => [w.code, w.columnName])).toEqual([
      ['FMT-UNKNOWN-COLUMN', 'Notes'],
      ['FMT-UNKNOWN-COLUMN', 'colour'],
    ]);
    expect(result.warnings[0]?.message).toMatch(
      /Column 3 "Notes" is not an activity field, so it was ignored/,
    );
  });

  it('detectLayout hands over the analysed header and its warnings', () => {
    const result = detectLayout('activities', rows(['providerActivityId', 'Notes'], ['P1', 'x']));
    expect(result).toMatchObject({ ok: true, layout: 'OP-ACT-1', headerLine: 1, firstDataLine: 2 });
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['FMT-UNKNOWN-COLUMN']);
    expect(result.ok && result.header?.columns[0]?.name).toBe('providerActivityId');
  });

  it.each([
    [['providerActivityId', 'title', 'Title']],
    [['providerActivityId', 'commercialSupporters.1.amount', 'commercialSupporters.1.Amount']],
    [['providerActivityId', 'mocRegistrations.ABPath.claimDate', 'mocRegistrations.abpath.claimDate']],
    [['providerActivityId', 'status', 'STATUS']],
  ])('a repeated name is FILE-UNKNOWN-LAYOUT: %j', (header) => {
    const result = analyzeActivitySheetHeader(header, 1);
    expect(!result.ok && result.error.code).toBe('FILE-UNKNOWN-LAYOUT');
  });

  it('a header without a key column is FILE-UNKNOWN-LAYOUT', () => {
    const result = analyzeActivitySheetHeader(['title', 'startDate'], 3);
    expect(!result.ok && result.error).toMatchObject({ code: 'FILE-UNKNOWN-LAYOUT', line: 3 });
    expect(!result.ok && result.error.message).toMatch(/providerActivityId or parsActivityId/);
  });
});
