import { describe, expect, it } from 'vitest';
import { isCode } from '../../../reference/codes';
import { openBytes } from '../../../testing/open-bytes';
import type { SourceRecord } from '../upload.types';
import { createXmlActivitiesAdapter, xmlActivitiesAdapter } from './xml.adapter';
import { MEASURED_OUTCOMES } from './xml-mems-fields';

// MedicalEducationMetrics → the activity command (formats.md §6): every row of the mapping table,
// namespaces however prefixed, op:Activity over MEMS, lists and maps, and the row codes of bad values.

const NS = {
  mems: 'http://ns.medbiq.org/metrics/v1/',
  lom: 'http://ltsc.ieee.org/xsd/LOM',
  op: 'urn:openpars:activity:v1',
};

/** Activities under a root binding the prefixes m:, lom: and op:. */
const doc = (...activities: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ACCMEActivities xmlns:m="${NS.mems}" xmlns:lom="${NS.lom}" xmlns:op="${NS.op}">\n${activities.join('\n')}\n</ACCMEActivities>\n`;

const lomGeneral = (inner: string) =>
  `<m:ActivityDescription><lom:lom><lom:general>${inner}</lom:general></lom:lom></m:ActivityDescription>`;
const identifier = (catalog: string, entry: string) =>
  `<lom:identifier><lom:catalog>${catalog}</lom:catalog><lom:entry>${entry}</lom:entry></lom:identifier>`;
const mem = (inner: string) => `<m:MedicalEducationMetrics>${inner}</m:MedicalEducationMetrics>`;
const opActivity = (inner: string) =>
  `<m:XtensibleInfo><op:Activity>${inner}</op:Activity></m:XtensibleInfo>`;

async function recordsOf(xml: string, adapter = xmlActivitiesAdapter): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of adapter.records(openBytes(xml))) out.push(r);
  return out;
}
async function onlyRecord(xml: string) {
  const [r] = await recordsOf(xml);
  return r!;
}
const inputOf = (r: SourceRecord) =>
  r.command && r.command.action === 'UPSERT' ? r.command.input : undefined;

describe('MEMS elements → activity fields (formats.md §6 table)', () => {
  const full = mem(
    [
      '<m:ReportDescription><m:ReportingStartDate>2025-03-01Z</m:ReportingStartDate>',
      '<m:ReportingEndDate>2025-03-02-05:00</m:ReportingEndDate></m:ReportDescription>',
      '<m:ActivityDescription><lom:lom><lom:general>',
      identifier('PARS', '123456'),
      identifier(' provider ', 'GR-2025-01'),
      identifier('ISBN', 'ignored'),
      '<lom:title><lom:string language="en">Grand rounds &amp; more</lom:string></lom:title>',
      '<lom:description><lom:string>Line one\nline two</lom:string></lom:description>',
      '</lom:general></lom:lom>',
      '<m:CommercialSupportAmount supportSource="Pharma Inc" currency="USD">5000</m:CommercialSupportAmount>',
      '<m:CommercialSupportAmount supportSource="Device Co">250</m:CommercialSupportAmount>',
      '<m:AdvertisingAndExhibitIncome>1000.50</m:AdvertisingAndExhibitIncome>',
      '<m:OtherIncome>x</m:OtherIncome><m:Expenses>900</m:Expenses>',
      '<m:DesignedToChangeCompetence>true</m:DesignedToChangeCompetence>',
      '<m:DesignedToChangePerformance>maybe</m:DesignedToChangePerformance>',
      '<m:ChangesInCompetenceMeasured>true</m:ChangesInCompetenceMeasured>',
      '<m:ChangesInPerformanceMeasured>0</m:ChangesInPerformanceMeasured>',
      '<m:ChangesInPatientOutcomesMeasured> 1 </m:ChangesInPatientOutcomesMeasured>',
      '</m:ActivityDescription>',
      '<m:ParticipationMetrics>',
      '<m:ParticipantsByProfession profession="Physician">120</m:ParticipantsByProfession>',
      '<m:ParticipantsByProfession profession="Nurse">30</m:ParticipantsByProfession>',
      '<m:ParticipantsByProfession profession="pharmacy technician">5</m:ParticipantsByProfession>',
      '<m:ParticipantsByProfession profession="PHYSICIAN_ASSISTANT">7</m:ParticipantsByProfession>',
      '<m:ParticipantsByProfession profession="NURSE">2</m:ParticipantsByProfession>',
      '</m:ParticipationMetrics>',
    ].join(''),
  );

  it('maps dates, identifiers, title, description, support, measured outcomes and professions', async () => {
    const r = await onlyRecord(doc(full));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.row).toBe(1);
    expect(r.key).toBe('GR-2025-01');
    expect(r.command).toMatchObject({ action: 'UPSERT', parsActivityId: 123456, requireProviderKey: true });
    expect(inputOf(r)).toEqual({
      startDate: '2025-03-01',
      endDate: '2025-03-02',
      providerActivityId: 'GR-2025-01',
      title: 'Grand rounds & more',
      description: 'Line one\nline two',
      commercialSupporters: [
        { name: 'Pharma Inc', kind: 'MONETARY', amount: 5000 },
        { name: 'Device Co', kind: 'MONETARY', amount: 250 },
      ],
      outcomeMeasures: ['COMPETENCE', 'PATIENT_HEALTH'],
      physicianLearnerCount: 120,
      otherLearnersByProfession: { NURSE: 32, PHARMACY_TECHNICIAN: 5, PHYSICIAN_ASSISTANT: 7 },
      otherLearnerCount: 44,
    });
  });

  it('names the element each value came from', async () => {
    const r = await onlyRecord(doc(full));
    const name = r.columnNameOf!;
    expect(name('startDate')).toBe('ReportDescription/ReportingStartDate');
    expect(name('providerActivityId')).toBe(
      'ActivityDescription/lom:lom/lom:general/lom:identifier[2]/lom:entry',
    );
    expect(name('title')).toBe('ActivityDescription/lom:lom/lom:general/lom:title/lom:string');
    expect(name('commercialSupporters.1.amount')).toBe('ActivityDescription/CommercialSupportAmount[2]');
    expect(name('commercialSupporters.0.name')).toBe(
      'ActivityDescription/CommercialSupportAmount[1]/@supportSource',
    );
    expect(name('outcomeMeasures.1')).toBe('ActivityDescription/ChangesInPatientOutcomesMeasured');
    expect(name('otherLearnersByProfession.NURSE')).toBe(
      "ParticipationMetrics/ParticipantsByProfession[@profession='Nurse']",
    );
    expect(name('physicianLearnerCount')).toBe(
      "ParticipationMetrics/ParticipantsByProfession[@profession='Physician']",
    );
    // fields the file leaves out: where MEMS keeps them, else their op:Activity element
    expect(name('country')).toBe('op:Activity/country');
    expect(name('mocRegistrations.0.creditTypes.1.amount')).toBe(
      'op:Activity/mocRegistrations/item[1]/creditTypes/item[2]/amount',
    );
    expect(name('rems.byProfession.NURSE')).toBe("op:Activity/rems/byProfession/item[@code='NURSE']");
    expect(name('')).toBe('MedicalEducationMetrics');
    const bare = await onlyRecord(doc(mem(lomGeneral(identifier('Provider', 'B-1')))));
    expect(bare.columnNameOf!('title')).toBe('ActivityDescription/lom:lom/lom:general/lom:title/lom:string');
  });

  it('maps each ChangesIn…Measured flag to an outcome measure of the code list', () => {
    for (const { code } of MEASURED_OUTCOMES) expect(isCode('outcome-measures', code)).toBe(true);
    expect(MEASURED_OUTCOMES.map((o) => o.element)).toEqual([
      'ChangesInCompetenceMeasured',
      'ChangesInPerformanceMeasured',
      'ChangesInPatientOutcomesMeasured',
    ]);
  });

  it('reads the same activity with a default namespace, other prefixes, or no namespaces at all', async () => {
    const expected = {
      providerActivityId: 'NS-1',
      title: 'T',
      startDate: '2025-01-02',
      physicianLearnerCount: 3,
    };
    const variants = [
      `<ACCMEActivities><MedicalEducationMetrics xmlns="${NS.mems}"><ReportDescription><ReportingStartDate>2025-01-02</ReportingStartDate></ReportDescription><ActivityDescription><lom xmlns="${NS.lom}"><general><identifier><catalog>Provider</catalog><entry>NS-1</entry></identifier><title><string>T</string></title></general></lom></ActivityDescription><ParticipationMetrics><ParticipantsByProfession profession="physician">3</ParticipantsByProfession></ParticipationMetrics></MedicalEducationMetrics></ACCMEActivities>`,
      `<x:ACCMEActivities xmlns:x="urn:accme" xmlns:q="${NS.mems}" xmlns:L="${NS.lom}"><q:MedicalEducationMetrics><q:ReportDescription><q:ReportingStartDate>2025-01-02</q:ReportingStartDate></q:ReportDescription><q:ActivityDescription><L:lom><L:general><L:identifier><L:catalog>Provider</L:catalog><L:entry>NS-1</L:entry></L:identifier><L:title><L:string>T</L:string></L:title></L:general></L:lom></q:ActivityDescription><q:ParticipationMetrics><q:ParticipantsByProfession profession="Physician">3</q:ParticipantsByProfession></q:ParticipationMetrics></q:MedicalEducationMetrics></x:ACCMEActivities>`,
      '<ACCMEActivities><MedicalEducationMetrics><ReportDescription><ReportingStartDate>2025-01-02</ReportingStartDate></ReportDescription><ActivityDescription><lom><general><identifier><catalog>Provider</catalog><entry>NS-1</entry></identifier><title><string>T</string></title></general></lom></ActivityDescription><ParticipationMetrics><ParticipantsByProfession profession="Physician">3</ParticipantsByProfession></ParticipationMetrics></MedicalEducationMetrics></ACCMEActivities>',
    ];
    for (const xml of variants) {
      const r = await onlyRecord(xml);
      expect(r.errors).toEqual([]);
      expect(inputOf(r)).toEqual(expected);
    }
  });

  it('ignores MEMS elements in another namespace and op:Activity fields in a foreign one', async () => {
    const r = await onlyRecord(
      doc(
        mem(
          `<m:ReportDescription><o:ReportingStartDate xmlns:o="urn:other">2025-01-01</o:ReportingStartDate></m:ReportDescription>${opActivity(`<op:providerActivityId>F-1</op:providerActivityId><o:title xmlns:o="urn:other">x</o:title>`)}`,
        ),
      ),
    );
    expect(inputOf(r)).toEqual({ providerActivityId: 'F-1' });
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'FMT-UNKNOWN-COLUMN', columnName: 'op:Activity/title' }),
    ]);
  });

  it('rejects an unknown profession, a bad count and a bad amount with the value and the element', async () => {
    const r = await onlyRecord(
      doc(
        mem(
          [
            lomGeneral(identifier('Provider', 'P-1')).replace(
              '</m:ActivityDescription>',
              '<m:CommercialSupportAmount supportSource="Pharma">$5,000</m:CommercialSupportAmount><m:CommercialSupportAmount supportSource="Euro AG" currency="EUR">10</m:CommercialSupportAmount><m:ChangesInCompetenceMeasured>yes</m:ChangesInCompetenceMeasured></m:ActivityDescription>',
            ),
            '<m:ParticipationMetrics><m:ParticipantsByProfession profession="Chiropractor">4</m:ParticipantsByProfession>',
            '<m:ParticipantsByProfession profession="Nurse">twelve</m:ParticipantsByProfession></m:ParticipationMetrics>',
          ].join(''),
        ),
      ),
    );
    expect(r.command).toBeNull();
    expect(r.key).toBe('P-1');
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: 'ACT-AMOUNT-FORMAT',
        path: 'commercialSupporters.0.amount',
        columnName: 'ActivityDescription/CommercialSupportAmount[1]',
        value: '$5,000',
      }),
      expect.objectContaining({
        code: 'ACT-AMOUNT-FORMAT',
        path: 'commercialSupporters.1.amount',
        columnName: 'ActivityDescription/CommercialSupportAmount[2]/@currency',
        value: 'EUR',
      }),
      expect.objectContaining({
        code: 'ACT-BOOLEAN',
        path: 'legacy.changesEvaluatedCompetence',
        columnName: 'ActivityDescription/ChangesInCompetenceMeasured',
        value: 'yes',
      }),
      expect.objectContaining({
        code: 'ACT-CODE-UNKNOWN',
        path: 'otherLearnersByProfession',
        columnName: "ParticipationMetrics/ParticipantsByProfession[@profession='Chiropractor']",
        value: 'Chiropractor',
        message: expect.stringContaining('Nurse, Pharmacist'),
      }),
      expect.objectContaining({
        code: 'ACT-NUMBER-FORMAT',
        path: 'otherLearnersByProfession.NURSE',
        value: 'twelve',
      }),
    ]);
    expect(r.errors.every((e) => e.row === 1)).toBe(true);
  });
});

describe('XtensibleInfo/op:Activity → every other field', () => {
  it('reads scalars, nested objects, lists of op:item and maps of op:item code="…"', async () => {
    const r = await onlyRecord(
      doc(
        mem(
          opActivity(
            [
              '<op:providerActivityId>OP-1</op:providerActivityId>',
              '<op:requestedStatus>ACTIVE</op:requestedStatus>',
              '<op:title>Op title</op:title><op:format>C</op:format><op:deliveryMethod>HYBRID</op:deliveryMethod>',
              '<op:startDate>2025-03-01</op:startDate><op:endDate>2025-03-03</op:endDate>',
              '<op:city>Austin</op:city><op:state>TX</op:state><op:country>USA</op:country>',
              '<op:creditsDesignated> 12.75 </op:creditsDesignated>',
              '<op:providership>JOINT</op:providership>',
              '<op:jointProviders><op:item>Acme Society</op:item><op:item>Other Org</op:item></op:jointProviders>',
              '<op:topics><op:item>OPIOIDS</op:item></op:topics>',
              '<op:listInPassport>1</op:listInPassport><op:hasFee>false</op:hasFee>',
              '<op:registration>OPEN</op:registration><op:activityUrl>https://example.org/a</op:activityUrl>',
              '<op:outcomeMeasures><op:item>KNOWLEDGE</op:item></op:outcomeMeasures>',
              '<op:commercialSupportReceived>true</op:commercialSupportReceived>',
              '<op:commercialSupporters><op:item><op:name>Gear Co</op:name><op:kind>IN_KIND</op:kind>',
              '<op:inKindTypes><op:item>DURABLE_EQUIPMENT</op:item><op:item>OTHER</op:item></op:inKindTypes>',
              '<op:inKindOther>Simulators</op:inKindOther></op:item></op:commercialSupporters>',
              '<op:physicianLearnerCount>40</op:physicianLearnerCount><op:otherLearnerCount>12</op:otherLearnerCount>',
              '<op:otherLearnersByProfession><op:item code="NURSE">10</op:item><op:item code="DENTIST">2</op:item></op:otherLearnersByProfession>',
              '<op:mocRegistrations><op:item><op:board>ABIM</op:board>',
              '<op:creditTypes><op:item><op:code>MK</op:code><op:amount>12.75</op:amount></op:item></op:creditTypes>',
              '<op:practiceAreas><op:item>CARDIOLOGY</op:item></op:practiceAreas>',
              '<op:claimDate>2025-12-31</op:claimDate><op:attested>true</op:attested></op:item></op:mocRegistrations>',
              '<op:rems><op:type>RELATED</op:type><op:byProfession><op:item code="NURSE">3</op:item></op:byProfession>',
              '<op:deaIndividual>5</op:deaIndividual></op:rems>',
              '<op:mips><op:improvementActivity>false</op:improvementActivity></op:mips>',
            ].join(''),
          ),
        ),
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(inputOf(r)).toEqual({
      providerActivityId: 'OP-1',
      requestedStatus: 'ACTIVE',
      title: 'Op title',
      format: 'C',
      deliveryMethod: 'HYBRID',
      startDate: '2025-03-01',
      endDate: '2025-03-03',
      city: 'Austin',
      state: 'TX',
      country: 'USA',
      creditsDesignated: 12.75,
      providership: 'JOINT',
      jointProviders: ['Acme Society', 'Other Org'],
      topics: ['OPIOIDS'],
      listInPassport: true,
      hasFee: false,
      registration: 'OPEN',
      activityUrl: 'https://example.org/a',
      outcomeMeasures: ['KNOWLEDGE'],
      commercialSupportReceived: true,
      commercialSupporters: [
        {
          name: 'Gear Co',
          kind: 'IN_KIND',
          inKindTypes: ['DURABLE_EQUIPMENT', 'OTHER'],
          inKindOther: 'Simulators',
        },
      ],
      physicianLearnerCount: 40,
      otherLearnerCount: 12,
      otherLearnersByProfession: { NURSE: 10, DENTIST: 2 },
      mocRegistrations: [
        {
          board: 'ABIM',
          creditTypes: [{ code: 'MK', amount: 12.75 }],
          practiceAreas: ['CARDIOLOGY'],
          claimDate: '2025-12-31',
          attested: true,
        },
      ],
      rems: { type: 'RELATED', byProfession: { NURSE: 3 }, deaIndividual: 5 },
      mips: { improvementActivity: false },
    });
  });

  it('reads op:Activity in a default namespace and with any prefix', async () => {
    for (const ext of [
      `<m:XtensibleInfo><Activity xmlns="${NS.op}"><providerActivityId>D-1</providerActivityId><topics><item>ETHICS</item></topics></Activity></m:XtensibleInfo>`,
      `<m:XtensibleInfo><p:Activity xmlns:p="${NS.op}"><p:providerActivityId>D-1</p:providerActivityId><p:topics><p:item>ETHICS</p:item></p:topics></p:Activity></m:XtensibleInfo>`,
    ]) {
      const r = await onlyRecord(doc(mem(ext)));
      expect(inputOf(r)).toEqual({ providerActivityId: 'D-1', topics: ['ETHICS'] });
    }
  });

  it('lets op:Activity win over MEMS where both carry a value, and only there', async () => {
    const r = await onlyRecord(
      doc(
        mem(
          [
            '<m:ReportDescription><m:ReportingStartDate>2025-01-01</m:ReportingStartDate></m:ReportDescription>',
            lomGeneral(
              `${identifier('Provider', 'MEMS-ID')}<lom:title><lom:string>MEMS title</lom:string></lom:title><lom:description><lom:string>MEMS text</lom:string></lom:description>`,
            ).replace(
              '</m:ActivityDescription>',
              '<m:CommercialSupportAmount supportSource="Pharma">100</m:CommercialSupportAmount><m:ChangesInCompetenceMeasured>true</m:ChangesInCompetenceMeasured></m:ActivityDescription>',
            ),
            '<m:ParticipationMetrics><m:ParticipantsByProfession profession="Physician">9</m:ParticipantsByProfession>',
            '<m:ParticipantsByProfession profession="Nurse">4</m:ParticipantsByProfession></m:ParticipationMetrics>',
            opActivity(
              [
                '<op:providerActivityId>OP-ID</op:providerActivityId>',
                '<op:title>Op title</op:title>',
                '<op:description/>',
                '<op:startDate>2025-02-01</op:startDate>',
                '<op:commercialSupporters/>',
                '<op:outcomeMeasures><op:item>KNOWLEDGE</op:item></op:outcomeMeasures>',
                '<op:otherLearnerCount>6</op:otherLearnerCount>',
              ].join(''),
            ),
          ].join(''),
        ),
      ),
    );
    expect(r.key).toBe('OP-ID');
    expect(inputOf(r)).toEqual({
      providerActivityId: 'OP-ID',
      title: 'Op title',
      // an empty op element carries no value: the MEMS one stays
      description: 'MEMS text',
      startDate: '2025-02-01',
      // an empty list does carry one
      commercialSupporters: [],
      outcomeMeasures: ['KNOWLEDGE'],
      physicianLearnerCount: 9,
      otherLearnersByProfession: { NURSE: 4 },
      otherLearnerCount: 6,
    });
    expect(r.columnNameOf!('title')).toBe('op:Activity/title');
    expect(r.columnNameOf!('description')).toBe(
      'ActivityDescription/lom:lom/lom:general/lom:description/lom:string',
    );
    expect(r.columnNameOf!('commercialSupporters.0.amount')).toBe(
      'op:Activity/commercialSupporters/item[1]/amount',
    );
  });

  it('rejects text that is not a number or a boolean, once per field, with the JSON codes', async () => {
    const r = await onlyRecord(
      doc(
        mem(
          opActivity(
            [
              '<op:providerActivityId>BAD-1</op:providerActivityId>',
              '<op:creditsDesignated>one and a half</op:creditsDesignated>',
              '<op:physicianLearnerCount>12.5</op:physicianLearnerCount>',
              '<op:listInPassport>Yes</op:listInPassport>',
              '<op:enduringCounts><op:item><op:year>2025</op:year><op:physicianLearners>1,000</op:physicianLearners><op:otherLearners>0</op:otherLearners></op:item></op:enduringCounts>',
            ].join(''),
          ),
        ),
      ),
    );
    expect(r.command).toBeNull();
    expect(r.errors.map((e) => [e.code, e.path, e.columnName, e.value])).toEqual([
      ['ACT-NUMBER-FORMAT', 'creditsDesignated', 'op:Activity/creditsDesignated', 'one and a half'],
      ['ACT-NUMBER-FORMAT', 'physicianLearnerCount', 'op:Activity/physicianLearnerCount', '12.5'],
      ['ACT-BOOLEAN', 'listInPassport', 'op:Activity/listInPassport', 'Yes'],
      [
        'ACT-NUMBER-FORMAT',
        'enduringCounts.0.physicianLearners',
        'op:Activity/enduringCounts/item[1]/physicianLearners',
        '1,000',
      ],
    ]);
    expect(r.errors[0]?.message).toBe(
      'op:Activity/creditsDesignated must be a number such as 1.5; "one and a half" is not.',
    );
  });

  it('warns about unknown fields and stray elements, and asks for a code on map items', async () => {
    const r = await onlyRecord(
      doc(
        mem(
          opActivity(
            [
              '<op:providerActivityId>W-1</op:providerActivityId>',
              '<op:colour>blue</op:colour>',
              '<op:topics><op:topic>X</op:topic>ignored text</op:topics>',
              '<op:otherLearnersByProfession><op:item>3</op:item></op:otherLearnersByProfession>',
            ].join(''),
          ),
        ),
      ),
    );
    expect(r.warnings.map((w) => [w.code, w.columnName])).toEqual([
      ['FMT-UNKNOWN-COLUMN', 'op:Activity/colour'],
      ['FMT-UNKNOWN-COLUMN', 'op:Activity/topics/topic'],
      ['FMT-UNKNOWN-COLUMN', 'op:Activity/topics'],
    ]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: 'ACT-CODE-UNKNOWN',
        columnName: 'op:Activity/otherLearnersByProfession/item[1]',
        message: expect.stringContaining('needs a code attribute'),
      }),
    ]);
  });

  it('warns when XtensibleInfo/Activity is not in the OpenPARS namespace', async () => {
    const r = await onlyRecord(
      doc(
        mem(
          `${lomGeneral(identifier('Provider', 'N-1'))}<m:XtensibleInfo><Activity><title>x</title></Activity></m:XtensibleInfo>`,
        ),
      ),
    );
    expect(inputOf(r)).toEqual({ providerActivityId: 'N-1' });
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'FMT-UNKNOWN-COLUMN', message: expect.stringContaining(NS.op) }),
    ]);
  });

  it('turns op:action DELETE into a delete by either key, and refuses another action', async () => {
    const [del, byPars, bad] = await recordsOf(
      doc(
        mem(
          opActivity('<op:action> delete </op:action><op:providerActivityId>DEL-1</op:providerActivityId>'),
        ),
        mem(`${lomGeneral(identifier('PARS', '42'))}${opActivity('<op:action>DELETE</op:action>')}`),
        mem(opActivity('<op:action>REMOVE</op:action><op:providerActivityId>DEL-2</op:providerActivityId>')),
      ),
    );
    expect(del?.command).toEqual({ action: 'DELETE', parsActivityId: null, providerActivityId: 'DEL-1' });
    expect(byPars?.command).toEqual({ action: 'DELETE', parsActivityId: 42, providerActivityId: null });
    expect(byPars?.key).toBe('42');
    expect(bad?.errors).toEqual([
      expect.objectContaining({ code: 'ACT-ACTION-CODE', columnName: 'op:Activity/action', value: 'REMOVE' }),
    ]);
  });
});

describe('rows', () => {
  it('numbers rows by the position of MedicalEducationMetrics and rejects an oversized one alone', async () => {
    const adapter = createXmlActivitiesAdapter({ maxElementChars: 2000 });
    const records = await recordsOf(
      doc(
        mem(lomGeneral(identifier('Provider', 'R-1'))),
        mem(
          lomGeneral(
            `${identifier('Provider', 'R-2')}<lom:description><lom:string>${'x'.repeat(3000)}</lom:string></lom:description>`,
          ),
        ),
        mem(lomGeneral(identifier('Provider', 'R-3'))),
      ),
      adapter,
    );
    expect(records.map((r) => [r.row, r.key, r.errors.map((e) => e.code)])).toEqual([
      [1, 'R-1', []],
      [2, null, ['ACT-TEXT-LENGTH']],
      [3, 'R-3', []],
    ]);
    expect(records[1]?.errors[0]).toMatchObject({
      columnName: 'MedicalEducationMetrics',
      message: expect.stringContaining('2 KiB'),
    });
  });
});
