import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, waitForUpload } from '../../testing/multipart';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app';

// The upload pipeline end to end with MEMS-based XML (OP-ACT-XML-1, formats.md §6): a valid sample file
// whose every activity reaches its target status, the confirmed re-upload that changes nothing (§8.2),
// bad elements rejected row by row beside good ones, and a DOCTYPE that rejects the whole file.
// Today is fixed at 2025-06-15, so reporting years 2024–2026 are open and 2024 activities can close.
let t: TestApp;
let lakeside: Client;

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { OPENPARS_TODAY: '2025-06-15' } });
  lakeside = await t.signIn('provider@example.org');
});

const FIXTURE = readFileSync(
  fileURLToPath(new URL('./formats/fixtures/activities-mems-valid.xml', import.meta.url)),
);

const upload = (content: string | Buffer, fields: Record<string, string> = { kind: 'activities' }) =>
  uploadFile(t.app, lakeside, content, { name: 'a.xml', fields });

type ReportRow = {
  row: number;
  key: string | null;
  outcome: string;
  status: string | null;
  errors: { code: string; path: string; columnName: string; value?: unknown }[];
};

async function rowsOf(id: string): Promise<Record<number, ReportRow>> {
  const report = await lakeside.get(`/api/v1/uploads/${id}/report.json`);
  return Object.fromEntries(report.body.rows.map((r: ReportRow) => [r.row, r]));
}

async function activityByKey(key: string) {
  const list = await lakeside.get(`/api/v1/activities?providerActivityId=${encodeURIComponent(key)}`);
  return (await lakeside.get(`/api/v1/activities/${list.body.items[0].parsActivityId}`)).body;
}

const NAMESPACES =
  'xmlns="http://ns.medbiq.org/metrics/v1/" xmlns:lom="http://ltsc.ieee.org/xsd/LOM" xmlns:op="urn:openpars:activity:v1"';
const memsActivity = (id: string, extension: string, more = '') => `
  <MedicalEducationMetrics>
    <ReportDescription><ReportingStartDate>2025-03-01</ReportingStartDate><ReportingEndDate>2025-03-01</ReportingEndDate></ReportDescription>
    <ActivityDescription>
      <lom:lom><lom:general>
        <lom:identifier><lom:catalog>Provider</lom:catalog><lom:entry>${id}</lom:entry></lom:identifier>
        <lom:title><lom:string>Course ${id}</lom:string></lom:title>
        <lom:description><lom:string>A course.</lom:string></lom:description>
      </lom:general></lom:lom>
      ${more}
    </ActivityDescription>
    <XtensibleInfo><op:Activity>
      <op:format>C</op:format><op:deliveryMethod>ONLINE</op:deliveryMethod><op:creditsDesignated>1</op:creditsDesignated>
      <op:providership>DIRECT</op:providership><op:listInPassport>false</op:listInPassport>${extension}
    </op:Activity></XtensibleInfo>
  </MedicalEducationMetrics>`;
const xmlFile = (...activities: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ACCMEActivities ${NAMESPACES}>${activities.join('')}\n</ACCMEActivities>\n`;

describe('OP-ACT-XML-1 upload', () => {
  let firstId: string;

  it('adds every activity of the sample file at its target status', async () => {
    const res = await upload(FIXTURE);
    expect(res.status).toBe(202);
    firstId = res.body.uploadId;
    const done = await waitForUpload(lakeside, firstId);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'OP-ACT-XML-1', encoding: 'utf-8' });
    expect(done.summary).toMatchObject({ rows: 4, added: 4, rejected: 0, savedWithLowerStatus: 0 });
    const byRow = await rowsOf(firstId);
    expect(Object.values(byRow).map((r) => [r.row, r.key, r.outcome, r.status])).toEqual([
      [1, 'XML-2024-CARDIO', 'ADDED', 'CLOSED'],
      [2, 'XML-2024-GR', 'ADDED', 'CLOSED'],
      [3, 'XML-EM-OPIOIDS', 'ADDED', 'ACTIVE'],
      [4, 'XML-JN-2025-01', 'ADDED', 'CLOSED'],
    ]);
    expect(await activityByKey('XML-2024-CARDIO')).toMatchObject({
      title: 'Annual Cardiovascular Update 2024',
      startDate: '2024-10-10',
      endDate: '2024-10-12',
      commercialSupporters: [
        expect.objectContaining({ name: 'Pfizer Inc.', kind: 'MONETARY', amount: 25000 }),
        expect.objectContaining({ name: 'Medtronic, Inc.', kind: 'MONETARY', amount: 5000 }),
      ],
      outcomeMeasures: ['COMPETENCE', 'PERFORMANCE'],
      physicianLearnerCount: 412,
      otherLearnerCount: 57,
      otherLearnersByProfession: { NURSE: 41, PHARMACIST: 16 },
    });
  });

  it('a confirmed re-upload of the same file leaves every activity UNCHANGED', async () => {
    const again = await upload(FIXTURE, { kind: 'activities', confirmDuplicate: 'true' });
    const rerun = await waitForUpload(lakeside, again.body.uploadId);
    expect(rerun.state).toBe('COMPLETED');
    expect(rerun.fileWarnings[0]).toMatchObject({ code: 'FILE-DUPLICATE' });
    expect(rerun.summary).toMatchObject({ rows: 4, unchanged: 4, added: 0, updated: 0, rejected: 0 });
  });

  it('rejects bad elements with their codes and element paths, and applies the good ones', async () => {
    const file = xmlFile(
      memsActivity('XML-OK-1', ''),
      memsActivity('XML-BAD-1', '<op:creditsDesignated>one</op:creditsDesignated>'),
      memsActivity(
        'XML-BAD-2',
        '<op:state>XX</op:state><op:deliveryMethod>IN_PERSON</op:deliveryMethod>',
        '',
      ),
      memsActivity(
        'XML-BAD-3',
        '',
        '<CommercialSupportAmount supportSource="Pharma">$5,000</CommercialSupportAmount>',
      ).replace(
        '</ActivityDescription>',
        '</ActivityDescription><ParticipationMetrics><ParticipantsByProfession profession="Chiropractor">3</ParticipantsByProfession></ParticipationMetrics>',
      ),
      memsActivity('XML-OK-2', '<op:outcomeMeasures><op:item>KNOWLEDGE</op:item></op:outcomeMeasures>'),
    );
    const done = await waitForUpload(lakeside, (await upload(file)).body.uploadId);
    expect(done).toMatchObject({ state: 'COMPLETED', layout: 'OP-ACT-XML-1' });
    expect(done.summary).toMatchObject({ rows: 5, rejected: 3 });
    const byRow = await rowsOf(done.uploadId);
    expect(byRow[1]?.outcome).toMatch(/ADDED|SAVED_WITH_LOWER_STATUS/);
    expect(byRow[5]?.outcome).toMatch(/ADDED|SAVED_WITH_LOWER_STATUS/);
    expect(byRow[2]?.errors).toEqual([
      expect.objectContaining({
        code: 'ACT-NUMBER-FORMAT',
        path: 'creditsDesignated',
        columnName: 'op:Activity/creditsDesignated',
        value: 'one',
      }),
    ]);
    // a rule error from the activity rules, named by its op:Activity element
    expect(byRow[3]?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'ACT-STATE-CODE',
          path: 'state',
          columnName: 'op:Activity/state',
          value: 'XX',
        }),
      ]),
    );
    expect(byRow[4]?.errors.map((e) => [e.code, e.columnName, e.value])).toEqual([
      ['ACT-AMOUNT-FORMAT', 'ActivityDescription/CommercialSupportAmount[1]', '$5,000'],
      [
        'ACT-CODE-UNKNOWN',
        "ParticipationMetrics/ParticipantsByProfession[@profession='Chiropractor']",
        'Chiropractor',
      ],
    ]);
    const kept = await lakeside.get('/api/v1/activities?providerActivityId=XML-OK-2');
    expect(kept.body.items).toHaveLength(1);
    const refused = await lakeside.get('/api/v1/activities?providerActivityId=XML-BAD-1');
    expect(refused.body.items).toHaveLength(0);
  });

  it('rejects a file with a DOCTYPE as a whole and applies nothing from it', async () => {
    const file = xmlFile(memsActivity('XML-DTD-1', '')).replace(
      '<ACCMEActivities',
      '<!DOCTYPE ACCMEActivities [<!ENTITY org "Lakeside">]>\n<ACCMEActivities',
    );
    const done = await waitForUpload(lakeside, (await upload(file)).body.uploadId);
    expect(done).toMatchObject({
      state: 'REJECTED',
      error: {
        code: 'FILE-UNREADABLE',
        message: expect.stringContaining('DTD or entity declarations is refused'),
      },
    });
    const list = await lakeside.get('/api/v1/activities?providerActivityId=XML-DTD-1');
    expect(list.body.items).toHaveLength(0);
  });

  it('rejects a file whose root is not ACCMEActivities', async () => {
    const file = `<?xml version="1.0"?>\n<MedicalEducationMetrics ${NAMESPACES}/>`;
    const done = await waitForUpload(lakeside, (await upload(file)).body.uploadId);
    expect(done).toMatchObject({ state: 'REJECTED', error: { code: 'FILE-UNKNOWN-LAYOUT' } });
  });
});
