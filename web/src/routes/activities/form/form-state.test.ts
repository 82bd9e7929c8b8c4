import { describe, expect, it } from 'vitest';
import {
  type ActivityRecord,
  normalizeActivity,
  type RuleContext,
} from '../../../../../src/modules/activities/activity.rules';
import type { ActivityInput } from '../../../../../src/modules/activities/activity.schema';
import { recordToWire } from '../../../../../src/modules/activities/activity.wire';
import type { Activity } from '../../../api/activities';
import { formatHistoryValue } from '../history-format';
import { checkForm, draftRequirementOf } from './form-check';
import {
  activityToForm,
  emptyActivityForm,
  emptyInstance,
  formToInput,
  generatedInstanceId,
  parseNumber,
} from './form-state';

const ctx: RuleContext = {
  today: '2026-06-15',
  jointAccreditation: false,
  boardLists: { ABIM: { practiceAreas: ['IM', 'CARD'], contentAreas: [] } },
  remsBlueprintSections: ['BASICS', 'OPIOID'],
  currentUser: 'user-1',
  now: '2026-06-15T12:00:00.000Z',
};

const rich: ActivityInput = {
  providerActivityId: 'P26-0001',
  requestedStatus: 'AUTO',
  title: 'Lipid Management Update',
  format: 'C',
  deliveryMethod: 'HYBRID',
  startDate: '2026-03-01',
  endDate: '2026-03-02',
  city: 'Chicago',
  state: 'IL',
  country: 'USA',
  creditsDesignated: 6.5,
  description: 'Statins and beyond.\nTwo days.',
  providership: 'JOINT',
  jointProviders: ['Lakeside Cardiology Society'],
  topics: ['OPIOIDS'],
  listInPassport: true,
  hasFee: false,
  registration: 'OPEN',
  activityUrl: 'https://example.org/lipids',
  outcomeMeasures: ['KNOWLEDGE', 'PERFORMANCE'],
  commercialSupportReceived: true,
  commercialSupporters: [
    { name: 'Example Pharma Inc.', kind: 'MONETARY', amount: 15000 },
    {
      name: 'Scope Devices',
      kind: 'IN_KIND',
      inKindTypes: ['DURABLE_EQUIPMENT', 'OTHER'],
      inKindOther: 'Simulators',
    },
  ],
  physicianLearnerCount: 85,
  otherLearnerCount: 22,
  mocRegistrations: [
    {
      board: 'ABIM',
      creditTypes: [{ code: 'MK', amount: 6.5 }],
      practiceAreas: ['IM'],
      claimDate: '2026-12-31',
      attested: true,
    },
  ],
  rems: {
    type: 'RELATED',
    blueprintSections: ['OPIOID'],
    prescribersLastYear: 40,
    byProfession: { PHYSICIAN: 85 },
    deaIndividual: 30,
    deaInstitutional: 5,
    byPracticeType: { PRIMARY_CARE: 60 },
  },
  mips: { improvementActivity: true, participationDefinition: 'Completes both audits.', attested: true },
};

function wireOf(record: ActivityRecord): Activity {
  return recordToWire(record, {
    parsActivityId: 10000001,
    providerNumber: '1000000',
    ruleSet: 'CURRENT',
    reportingYear: 2026,
    status: 'CLOSED',
    targetStatus: 'CLOSED',
    missingRequirements: [],
    version: 3,
    repeatGroupId: null,
    createdAt: '2026-03-03T00:00:00.000Z',
    updatedAt: '2026-03-03T00:00:00.000Z',
  }) as unknown as Activity;
}

describe('the activity form state', () => {
  it('sends back the same record it was loaded from', () => {
    const { record, errors } = normalizeActivity(rich, ctx);
    expect(errors).toEqual([]);
    const again = normalizeActivity(formToInput(activityToForm(wireOf(record!))), ctx, record);
    expect(again.errors).toEqual([]);
    expect(again.warnings).toEqual([]);
    expect(again.record).toEqual(record);
  });

  it('needs only the draft fields of an empty form, named D1–D4', () => {
    const check = checkForm(emptyActivityForm(), ctx);
    expect(check.record).toBeNull();
    expect(check.errors.map((e) => draftRequirementOf(e.path))).toEqual(['D1', 'D2', 'D3', 'D4']);
  });

  it('does not send what cannot apply to the choices made', () => {
    const form = {
      ...emptyActivityForm(),
      format: 'EM',
      deliveryMethod: 'ONLINE',
      city: 'Chicago',
      state: 'IL',
      providership: 'DIRECT',
      jointProviders: ['Kept aside'],
      commercialSupportReceived: 'no' as const,
      commercialSupporters: [
        { key: 'k', name: 'X', kind: 'MONETARY', amount: '5', inKindTypes: [], inKindOther: '' },
      ],
    };
    const input = formToInput(form);
    expect(input).toMatchObject({
      city: null,
      state: null,
      country: null,
      jointProviders: [],
      commercialSupporters: [],
    });
    expect(formToInput({ ...form, format: 'JN' }).deliveryMethod).toBeNull();
  });

  it('shows the status the rules give and what is still missing', () => {
    const form = {
      ...emptyActivityForm(),
      title: 'Grand Rounds',
      format: 'RSS',
      startDate: '2026-07-01',
      endDate: '2027-06-30',
    };
    const check = checkForm(form, ctx);
    expect(check.status).toBe('DRAFT');
    expect(check.targetStatus).toBe('ACTIVE');
    expect(check.missing.map((m) => m.requirement)).toEqual(['A1', 'A4', 'A5', 'A6', 'A7']);
  });

  it('reports a mistyped number with the rules’ own message', () => {
    const check = checkForm(
      {
        ...emptyActivityForm(),
        title: 'T',
        format: 'JN',
        startDate: '2026-01-01',
        endDate: '2026-01-01',
        creditsDesignated: '1,5',
      },
      ctx,
    );
    expect(check.errors).toEqual([
      expect.objectContaining({ path: 'creditsDesignated', code: 'ACT-NUMBER-FORMAT' }),
    ]);
  });
});

describe('repeat instances', () => {
  it('number instances without an ID of their own after the shared ID', () => {
    expect(generatedInstanceId('P24-0107', 0, 2)).toBe('P24-0107-01');
    expect(generatedInstanceId('P24-0107', 99, 100)).toBe('P24-0107-100');
    expect(generatedInstanceId(' ', 0, 2)).toBeNull();
  });

  it('file each instance’s own problems under that instance', () => {
    const form = {
      ...emptyActivityForm(),
      title: 'Course on tour',
      format: 'C',
      repeat: true,
      instances: [
        emptyInstance({ startDate: '2026-09-01', endDate: '2026-09-01' }),
        emptyInstance({ startDate: '2026-09-08', endDate: '2026-09-07' }),
      ],
    };
    const check = checkForm(form, ctx);
    expect(check.errors.map((e) => [e.path, e.code])).toEqual([['instances.1.endDate', 'ACT-DATE-ORDER']]);
  });
});

describe('parseNumber', () => {
  it('reads plain decimals and refuses the rest', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(' 2.5 ')).toBe(2.5);
    expect(parseNumber('15,000', true)).toBe(15000);
    expect(parseNumber('15,000')).toBeNaN();
    expect(parseNumber('2e3')).toBeNaN();
  });
});

describe('the change history', () => {
  it('shows money in dollars and dates the US way', () => {
    expect(
      formatHistoryValue('commercialSupporters', [
        { name: 'Example Pharma Inc.', kind: 'MONETARY', amountCents: 1500000 },
      ]),
    ).toBe('Example Pharma Inc. (monetary, $15,000)');
    expect(formatHistoryValue('endDate', '2026-07-25')).toBe('07/25/2026');
    expect(formatHistoryValue('listInPassport', false)).toBe('No');
    expect(formatHistoryValue('status', 'READY_TO_CLOSE')).toBe('Ready to close');
  });
});
