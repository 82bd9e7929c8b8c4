// One help text per form field, shown by the field's "?" (decisions.md §13). Where the API's schema
// describes the field (.describe() in src/modules/*/*.schema.ts) that text is used, so the form, the API
// documentation and the help cannot drift apart; the fallbacks cover fields the API has no schema for
// (filters, confirmations).
import {
  acceptInvitationBody,
  createApiKeyBody,
  loginBody,
  newPasswordField,
  resetRequestBody,
} from '../../../src/modules/identity/identity.schema';
import {
  inviteMemberBody,
  personFields,
  providerAccreditationFields,
  providerProfileFields,
} from '../../../src/modules/organizations/organizations.schema';

type Described = { description?: string | undefined };

function described(schema: Described, fallback: string): string {
  return schema.description ?? fallback;
}

const profile = providerProfileFields;
const accreditation = providerAccreditationFields;

export const FIELD_HELP = {
  'login.email': described(loginBody.shape.email, 'The email address of your OpenPARS account.'),
  'login.password': `${described(loginBody.shape.password, 'Your password.')} Ten failed attempts within 15 minutes block sign-in from your network for 15 minutes.`,
  'forgotPassword.email': `${described(resetRequestBody.shape.email, 'The email address of your OpenPARS account.')} If the account exists, it receives a reset link valid for 60 minutes.`,
  'newPassword.password': described(
    newPasswordField,
    'At least 12 characters; not a common password and not containing your email address.',
  ),
  'newPassword.confirm': 'Type the same password again, to be sure there is no typo.',
  'invitation.acceptTerms': described(
    acceptInvitationBody.shape.acceptTerms,
    'You accept the OpenPARS terms of use.',
  ),

  'provider.name': described(profile.name, 'The legal name of the provider (1–200 characters).'),
  'provider.otherNames': `${described(profile.otherNames, 'Other names the provider is known by.')} Press Enter after each name.`,
  'provider.organizationType': described(profile.organizationType, 'The kind of organisation.'),
  'provider.street': described(profile.street, 'Street address of the organisation.'),
  'provider.city': described(profile.city, 'City of the organisation’s address.'),
  'provider.state': described(profile.state, 'US state or territory (USPS code) of the address.'),
  'provider.postalCode': described(profile.postalCode, 'Postal (ZIP) code of the address.'),
  'provider.country': described(profile.country, 'Country of the address.'),
  'provider.website': described(profile.website, 'The organisation’s public website.'),
  'provider.accreditorId': described(accreditation.accreditorId, 'The accreditor of this provider.'),
  'provider.accreditationStatus': described(accreditation.accreditationStatus, 'Accreditation status.'),
  'provider.termStart': described(accreditation.termStart, 'First day of the accreditation term.'),
  'provider.termEnd': described(accreditation.termEnd, 'Last day of the accreditation term.'),
  'provider.primaryContact.name': `${described(personFields.name, 'The person’s full name.')} This person becomes the Primary Contact and receives every official notice.`,
  'provider.primaryContact.email': `${described(personFields.email, 'The person’s work email.')} The invitation is sent here; its link is valid for 7 days.`,

  'providers.q': 'Part of the provider’s name or other names, or its full provider number.',

  'member.name': described(personFields.name, 'The person’s full name.'),
  'member.email': `${described(personFields.email, 'The person’s work email.')} They receive a Set password link valid for 7 days.`,
  'member.roles': `${described(inviteMemberBody.shape.roles, 'What the person may do for this organisation.')} A person holds the permissions of all their roles together.`,

  'apiKey.name': described(createApiKeyBody.shape.name, 'A name that says which system uses the key.'),

  'audit.entityType':
    'Show only changes to one kind of record, typed as in the Record column (for example “provider” or “membership”).',
  'audit.action':
    'Show only one kind of change, typed as in the Action column (for example “CREATE” or “UPDATE”).',
  'audit.from': 'Show changes made on or after this day (UTC).',
  'audit.to': 'Show changes made on or before this day (UTC).',

  'outbox.to': 'Show only the mail sent to addresses containing this text.',
} as const;

export type FieldHelpKey = keyof typeof FIELD_HELP;
