import { applyActivityBatch } from '../modules/activities/activity.batch';
import type { ActivityInput } from '../modules/activities/activity.schema';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/connect';

// Demo activities for the two demo providers, written through the same batch path and rules as the
// API and uploads. Dates are relative to "today" so the demo shows every status whatever the date.
function shift(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function demoActivities(today: string): ActivityInput[] {
  const live = (
    id: string,
    title: string,
    start: number,
    end: number,
    extra: Partial<ActivityInput> = {},
  ): ActivityInput => ({
    providerActivityId: id,
    title,
    format: 'C',
    deliveryMethod: 'IN_PERSON',
    startDate: shift(today, start),
    endDate: shift(today, end),
    city: 'Chicago',
    state: 'IL',
    country: 'USA',
    creditsDesignated: 6.5,
    description: `${title}: case-based sessions with the latest evidence and guidelines.`,
    providership: 'DIRECT',
    listInPassport: true,
    hasFee: true,
    registration: 'OPEN',
    activityUrl: 'https://lakeside.example.org/cme',
    ...extra,
  });
  const closing: Partial<ActivityInput> = {
    outcomeMeasures: ['KNOWLEDGE', 'COMPETENCE'],
    commercialSupportReceived: false,
    physicianLearnerCount: 85,
    otherLearnerCount: 22,
  };
  return [
    live('DEMO-C-01', 'Heart Failure Update', -200, -199, closing),
    live('DEMO-C-02', 'Diabetes Care Symposium', -120, -119, {
      ...closing,
      commercialSupportReceived: true,
      commercialSupporters: [{ name: 'Example Pharma Inc.', kind: 'MONETARY', amount: 15000 }],
      mocRegistrations: [],
    }),
    live('DEMO-C-03', 'Sepsis Recognition Workshop', -30, -29),
    live('DEMO-C-04', 'Annual Internal Medicine Review', 30, 33),
    live('DEMO-RSS-01', 'Medicine Grand Rounds', -60, 200, { format: 'RSS', creditsDesignated: 40 }),
    live('DEMO-EM-01', 'Anticoagulation Essentials (online module)', -90, 640, {
      format: 'EM',
      deliveryMethod: 'ONLINE',
      city: null,
      state: null,
      country: null,
      creditsDesignated: 1.5,
    }),
    {
      providerActivityId: 'DEMO-DRAFT-01',
      title: 'Stroke Care Pathways (planning)',
      format: 'C',
      startDate: shift(today, 90),
      endDate: shift(today, 90),
    },
  ];
}

export async function seedDemoActivities(db: Db, clock: Clock) {
  const providers = await db
    .selectFrom('organizations as o')
    .innerJoin('providers as p', 'p.organizationId', 'o.id')
    .select(['o.id', 'o.name'])
    .where('o.name', 'in', ['Lakeside Medical Education Institute', 'Hill Country Regional Hospital'])
    .execute();
  const today = clock.today();
  for (const provider of providers) {
    await db.transaction().execute((trx) =>
      applyActivityBatch(
        {
          db: trx,
          providerId: provider.id,
          ctx: { today, jointAccreditation: false, boardLists: {}, remsBlueprintSections: [] },
          audit: {
            channel: 'SEED',
            requestId: null,
            actorUserId: null,
            actorApiKeyId: null,
            actorOrganizationId: null,
          },
          actorUserId: null,
        },
        // UPSERT keeps the step idempotent: a second run finds every key and changes nothing.
        demoActivities(today).map((input) => ({ action: 'UPSERT' as const, mode: 'UPSERT' as const, input })),
      ),
    );
  }
}
