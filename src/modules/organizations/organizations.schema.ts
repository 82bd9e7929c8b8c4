import { z } from 'zod';
import { CONTACT_TYPES } from '../identity/permissions.rules';

// Wire and form shapes for organisations and people. Descriptions are the help texts shown by each
// field's "?" in the web app (decisions.md §13).

export const ACCREDITATION_STATUSES = [
  'APPLICANT',
  'PROVISIONAL',
  'ACCREDITED',
  'ACCREDITED_COMMENDATION',
  'PROBATION',
  'NONACCREDITED',
  'WITHDRAWN',
] as const;

export const ACCREDITATION_STATUS_LABELS: Record<(typeof ACCREDITATION_STATUSES)[number], string> = {
  APPLICANT: 'Applicant',
  PROVISIONAL: 'Provisional accreditation',
  ACCREDITED: 'Accreditation',
  ACCREDITED_COMMENDATION: 'Accreditation with Commendation',
  PROBATION: 'Probation',
  NONACCREDITED: 'Nonaccreditation',
  WITHDRAWN: 'Withdrawn',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const providerProfileFields = {
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe(
      'The provider organisation’s legal name as it appears in accreditation records (1–200 characters).',
    ),
  otherNames: z
    .array(z.string().trim().min(1).max(200))
    .max(20)
    .describe(
      'Other names the organisation is known by (each 1–200 characters); searched together with the name.',
    ),
  organizationType: z
    .string()
    .describe(
      'The kind of organisation (code list provider-types). The value on 31 December counts for that year’s reports.',
    ),
  street: z.string().trim().max(200).nullable().describe('Street address of the organisation.'),
  city: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .describe('City of the organisation’s address; public in the provider directory.'),
  state: z
    .string()
    .nullable()
    .describe('US state or territory (USPS code) of the address; public in the provider directory.'),
  postalCode: z.string().trim().max(20).nullable().describe('Postal (ZIP) code of the address.'),
  country: z.string().nullable().describe('Country of the address (ISO 3166-1 alpha-3, e.g. USA).'),
  website: z
    .string()
    .trim()
    .max(300)
    .nullable()
    .describe('The organisation’s public website, starting with https:// or http://.'),
} as const;

export const providerAccreditationFields = {
  accreditorId: z
    .number()
    .int()
    .positive()
    .describe(
      'The accreditor of this provider: ACCME, a recognized state accreditor or Joint Accreditation. Exactly one at a time.',
    ),
  accreditationStatus: z
    .enum(ACCREDITATION_STATUSES)
    .describe(
      'Accreditation status. After creation it changes only through recorded accreditation decisions.',
    ),
  termStart: isoDate.nullable().describe('First day of the current accreditation term.'),
  termEnd: isoDate.nullable().describe('Last day of the current accreditation term.'),
  jaProfessions: z
    .array(z.string())
    .describe(
      'Joint Accreditation only: professions for which the provider offers credit (code list ja-professions).',
    ),
} as const;

export const personFields = {
  name: z.string().trim().min(1).max(200).describe('The person’s full name.'),
  email: z
    .string()
    .trim()
    .max(254)
    .email()
    .describe('The person’s work email; it is their sign-in and where OpenPARS sends notices.'),
} as const;

export const createProviderBody = z
  .object({
    ...providerProfileFields,
    otherNames: providerProfileFields.otherNames.default([]),
    street: providerProfileFields.street.optional().default(null),
    city: providerProfileFields.city.optional().default(null),
    state: providerProfileFields.state.optional().default(null),
    postalCode: providerProfileFields.postalCode.optional().default(null),
    country: providerProfileFields.country.optional().default('USA'),
    website: providerProfileFields.website.optional().default(null),
    accreditorId: providerAccreditationFields.accreditorId.optional(),
    accreditationStatus: providerAccreditationFields.accreditationStatus,
    termStart: providerAccreditationFields.termStart.optional().default(null),
    termEnd: providerAccreditationFields.termEnd.optional().default(null),
    jaProfessions: providerAccreditationFields.jaProfessions.default([]),
    primaryContact: z
      .strictObject(personFields)
      .describe('The Primary Contact, invited by email when the provider is created.'),
  })
  .strict();
export type CreateProviderInput = z.infer<typeof createProviderBody>;

export const patchProviderBody = z
  .object({
    name: providerProfileFields.name,
    otherNames: providerProfileFields.otherNames,
    organizationType: providerProfileFields.organizationType,
    street: providerProfileFields.street,
    city: providerProfileFields.city,
    state: providerProfileFields.state,
    postalCode: providerProfileFields.postalCode,
    country: providerProfileFields.country,
    website: providerProfileFields.website,
    accreditorId: providerAccreditationFields.accreditorId,
    jaProfessions: providerAccreditationFields.jaProfessions,
  })
  .partial()
  .strict();
export type PatchProviderInput = z.infer<typeof patchProviderBody>;

export const inviteMemberBody = z
  .object({
    ...personFields,
    roles: z
      .array(z.string())
      .min(1)
      .max(10)
      .describe('Contact types (providers) or roles (accreditors, boards, operator) the person holds.'),
  })
  .strict();

export const updateMemberBody = z.object({ roles: inviteMemberBody.shape.roles }).strict();

export const providerView = z.object({
  id: z.number(),
  providerNumber: z.string(),
  name: z.string(),
  otherNames: z.array(z.string()),
  organizationType: z.string(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  website: z.string().nullable(),
  accreditationStatus: z.string(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  jaProfessions: z.array(z.string()),
  accreditor: z.object({ id: z.number(), name: z.string(), code: z.string().nullable() }),
});

export const CONTACT_TYPE_CODES = CONTACT_TYPES;
