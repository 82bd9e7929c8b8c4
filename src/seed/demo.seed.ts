import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword } from '../modules/identity/secrets';
import { type AuditContext, writeAudit } from '../platform/audit/audit';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/connect';
import { seedDemoActivities } from './activities.seed';
import { seedBoardLists } from './board-lists.seed';
import { seedReferenceOrganizations } from './reference.seed';

// The demo seed: small named steps, each idempotent (it looks its rows up by natural key first), so a
// newcomer can sign in as every kind of user at once. Later features add their own steps.
export const DEMO_PASSWORD = 'openpars-demo';

export const DEMO_LOGINS = [
  {
    email: 'accme@example.org',
    name: 'Alex Morgan',
    org: 'ACCME',
    roles: ['ACCREDITOR_ADMIN'],
    what: 'ACCME accreditor administrator',
  },
  {
    email: 'sms@example.org',
    name: 'Sam Rivera',
    org: 'RA-TX',
    roles: ['ACCREDITOR_ADMIN'],
    what: 'administrator of a recognized state accreditor (Texas Medical Association)',
  },
  {
    email: 'provider@example.org',
    name: 'Pat Chen',
    org: 'PROVIDER:Lakeside Medical Education Institute',
    roles: ['PRIMARY'],
    what: 'Primary Contact of an ACCME-accredited provider',
  },
  {
    email: 'provider2@example.org',
    name: 'Jordan Lee',
    org: 'PROVIDER:Hill Country Regional Hospital',
    roles: ['PRIMARY'],
    what: 'Primary Contact of a state-accredited provider',
  },
  {
    email: 'board@example.org',
    name: 'Casey Brooks',
    org: 'ABIM',
    roles: ['BOARD_ADMIN'],
    what: 'ABIM board administrator',
  },
  {
    email: 'state-board@example.org',
    name: 'Robin Patel',
    org: 'ST-TX',
    roles: ['BOARD_ADMIN'],
    what: 'administrator of a state licensing board (Texas)',
  },
  {
    email: 'physician@example.org',
    name: 'Dr. Maria Łukasiewicz',
    org: null,
    roles: [],
    what: 'physician (CME Passport)',
  },
  {
    email: 'operator@example.org',
    name: 'Taylor Quinn',
    org: 'OPERATOR',
    roles: ['OPERATOR_ADMIN'],
    what: 'operator administrator',
  },
] as const;

type DemoProvider = {
  name: string;
  accreditor: string;
  organizationType: string;
  status: string;
  city: string;
  state: string;
  website: string;
  termStart: string;
  termEnd: string;
  jaProfessions?: string[];
};

// One provider of each organisation type across the three kinds of accreditor.
const DEMO_PROVIDERS: DemoProvider[] = [
  {
    name: 'Lakeside Medical Education Institute',
    accreditor: 'ACCME',
    organizationType: 'SCHOOL_OF_MEDICINE',
    status: 'ACCREDITED_COMMENDATION',
    city: 'Chicago',
    state: 'IL',
    website: 'https://lakeside.example.org',
    termStart: '2022-07-01',
    termEnd: '2028-06-30',
  },
  {
    name: 'Hill Country Regional Hospital',
    accreditor: 'RA-TX',
    organizationType: 'HOSPITAL_HEALTHCARE',
    status: 'ACCREDITED',
    city: 'Austin',
    state: 'TX',
    website: 'https://hillcountry.example.org',
    termStart: '2023-01-01',
    termEnd: '2026-12-31',
  },
  {
    name: 'Clinical Update Publishing',
    accreditor: 'ACCME',
    organizationType: 'PUBLISHING_EDUCATION',
    status: 'ACCREDITED',
    city: 'Boston',
    state: 'MA',
    website: 'https://clinicalupdate.example.org',
    termStart: '2021-11-01',
    termEnd: '2027-10-31',
  },
  {
    name: 'American Society of Demo Cardiology',
    accreditor: 'ACCME',
    organizationType: 'NONPROFIT_PHYSICIAN_MEMBERSHIP',
    status: 'PROVISIONAL',
    city: 'Washington',
    state: 'DC',
    website: 'https://asdc.example.org',
    termStart: '2025-03-01',
    termEnd: '2027-02-28',
  },
  {
    name: 'Gulf Coast County Medical Society',
    accreditor: 'RA-TX',
    organizationType: 'NONPROFIT_PHYSICIAN_MEMBERSHIP',
    status: 'PROBATION',
    city: 'Houston',
    state: 'TX',
    website: 'https://gulfcoast.example.org',
    termStart: '2022-05-01',
    termEnd: '2026-04-30',
  },
  {
    name: 'Interprofessional Care Collaborative',
    accreditor: 'JA',
    organizationType: 'NONPROFIT_OTHER',
    status: 'ACCREDITED',
    city: 'Denver',
    state: 'CO',
    website: 'https://ipcc.example.org',
    termStart: '2024-01-01',
    termEnd: '2029-12-31',
    jaProfessions: ['NURSE', 'PHARMACIST', 'PHYSICIAN_ASSISTANT'],
  },
];

const seedCtx: AuditContext = {
  channel: 'SEED',
  requestId: null,
  actorUserId: null,
  actorApiKeyId: null,
  actorOrganizationId: null,
};

async function orgIdByCode(db: Db, code: string) {
  return (
    await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

async function stepRecognizedAccreditor(db: Db) {
  const existing = await db
    .selectFrom('organizations')
    .select('id')
    .where('code', '=', 'RA-TX')
    .executeTakeFirst();
  if (existing) return;
  await db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organizations')
      .values({ kind: 'ACCREDITOR', code: 'RA-TX', name: 'Texas Medical Association' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('accreditors')
      .values({
        organizationId: org.id,
        accreditorKind: 'RECOGNIZED_ACCREDITOR',
        state: 'TX',
        contactEmail: null,
      })
      .execute();
    await writeAudit(trx, seedCtx, [
      {
        subjectOrganizationId: org.id,
        entityType: 'organization',
        entityId: org.id,
        action: 'CREATE',
        after: { code: 'RA-TX', kind: 'RECOGNIZED_ACCREDITOR' },
      },
    ]);
  });
}

async function stepProviders(db: Db, clock: Clock) {
  for (const p of DEMO_PROVIDERS) {
    const existing = await db
      .selectFrom('organizations')
      .select('id')
      .where('kind', '=', 'PROVIDER')
      .where('name', '=', p.name)
      .executeTakeFirst();
    if (existing) continue;
    await db.transaction().execute(async (trx) => {
      const accreditorId = await orgIdByCode(trx, p.accreditor);
      const org = await trx
        .insertInto('organizations')
        .values({ kind: 'PROVIDER', code: null, name: p.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { n } = (await sql<{ n: number }>`SELECT nextval('provider_number_seq') AS n`.execute(trx))
        .rows[0]!;
      const row = {
        organizationId: org.id,
        providerNumber: String(n),
        accreditorId,
        organizationType: p.organizationType,
        city: p.city,
        state: p.state,
        country: 'USA',
        website: p.website,
        street: null,
        postalCode: null,
        accreditationStatus: p.status,
        termStart: p.termStart,
        termEnd: p.termEnd,
        eligibilityAttestedAt: new Date(),
        jaProfessions: p.jaProfessions ?? [],
      };
      await trx.insertInto('providers').values(row).execute();
      await trx
        .insertInto('accreditationDecisions')
        .values({
          providerId: org.id,
          status: p.status,
          termStart: p.termStart,
          termEnd: p.termEnd,
          decidedOn: p.termStart,
          kind: 'INITIAL',
          note: 'Demo data',
          createdBy: null,
        })
        .execute();
      await writeAudit(trx, seedCtx, [
        {
          subjectOrganizationId: org.id,
          entityType: 'provider',
          entityId: org.id,
          action: 'CREATE',
          after: { name: p.name, ...row, seededOn: clock.today() },
        },
      ]);
    });
  }
}

async function stepUsers(db: Db) {
  for (const login of DEMO_LOGINS) {
    const existing = await db
      .selectFrom('users')
      .select('id')
      .where(sql`lower(email)`, '=', login.email)
      .executeTakeFirst();
    if (existing) continue;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.transaction().execute(async (trx) => {
      const id = randomUUID();
      const now = new Date();
      await trx
        .insertInto('users')
        .values({
          id,
          email: login.email,
          name: login.name,
          kind: login.org ? 'STAFF' : 'PHYSICIAN',
          status: 'ACTIVE',
          passwordHash,
          passwordChangedAt: now,
          termsAcceptedAt: now,
          emailConfirmedAt: now,
          isDemo: true,
          lastLoginAt: null,
        })
        .execute();
      const audits: Parameters<typeof writeAudit>[2] = [];
      if (login.org) {
        const orgId = login.org.startsWith('PROVIDER:')
          ? (
              await trx
                .selectFrom('organizations')
                .select('id')
                .where('kind', '=', 'PROVIDER')
                .where('name', '=', login.org.slice(9))
                .executeTakeFirstOrThrow()
            ).id
          : await orgIdByCode(trx, login.org);
        await trx
          .insertInto('memberships')
          .values({ userId: id, organizationId: orgId, roles: [...login.roles] })
          .execute();
        audits.push({
          subjectOrganizationId: orgId,
          entityType: 'membership',
          entityId: id,
          action: 'CREATE',
          after: { roles: login.roles },
        });
      }
      audits.push({
        subjectOrganizationId: null,
        entityType: 'user',
        entityId: id,
        action: 'CREATE',
        after: { email: login.email, name: login.name, demo: true },
      });
      await writeAudit(trx, seedCtx, audits);
    });
  }
}

export const DEMO_STEPS = [
  { name: 'reference organisations', run: (db: Db) => seedReferenceOrganizations(db) },
  { name: 'recognized accreditor', run: (db: Db) => stepRecognizedAccreditor(db) },
  { name: 'providers', run: (db: Db, clock: Clock) => stepProviders(db, clock) },
  { name: 'users', run: (db: Db) => stepUsers(db) },
  { name: 'board lists', run: (db: Db) => seedBoardLists(db) },
  { name: 'activities', run: (db: Db, clock: Clock) => seedDemoActivities(db, clock) },
] as const;

export async function seedDemo(db: Db, clock: Clock, log: (msg: string) => void = () => {}) {
  for (const step of DEMO_STEPS) {
    await step.run(db, clock);
    log(`demo seed: ${step.name}`);
  }
}

/** The demo seed runs at start-up only into an empty database (no user yet). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !row;
}
