// One help text per form field, shown by the field's "?" (decisions.md §13). When a backend schema
// describes a field with .describe(), that description wins (see help/describe.ts); these texts cover the
// fields whose schemas do not exist yet or carry no description.

export const FIELD_HELP = {
  'login.email': 'The email address your OpenPARS account was created with.',
  'login.password': 'Your OpenPARS password. Ten failed attempts within 15 minutes lock the account for 15 minutes.',
  'forgotPassword.email':
    'The email address of your account. If an account exists, a reset link valid for 60 minutes is sent to it.',
  'newPassword.password':
    'At least 12 characters. It must not be a common password and must not contain your email address.',
  'newPassword.confirm': 'Type the same password again to make sure there is no typo.',
  'invitation.acceptTerms':
    'You must accept the terms of use of this OpenPARS instance before your first sign-in.',

  'provider.name': 'The legal name of the provider, as it appears in accreditation records (1–200 characters).',
  'provider.otherNames':
    'Other names the provider is known by, such as former names or abbreviations. Press Enter after each name.',
  'provider.organizationType':
    'The kind of organisation. The type on 31 December is the one used for that year’s reports.',
  'provider.street': 'Street address of the provider’s main office.',
  'provider.city': 'City of the provider’s main office.',
  'provider.state': 'US state or territory (USPS code). Leave empty for providers outside the United States.',
  'provider.postalCode': 'ZIP code or postal code.',
  'provider.country': 'Country of the provider’s main office.',
  'provider.website': 'The provider’s public website, starting with https://.',
  'provider.accreditorId':
    'The accreditor that accredits this provider. A provider has exactly one accreditor at a time.',
  'provider.accreditationStatus':
    'The status recorded by the initial accreditation decision. Later changes come only from accreditation decisions.',
  'provider.termStart': 'First day of the accreditation term set by the initial decision.',
  'provider.termEnd': 'Last day of the accreditation term set by the initial decision.',
  'provider.primaryContact.name':
    'The person who receives every official notice for the provider. They are invited by email.',
  'provider.primaryContact.email':
    'Where the invitation to set a password is sent. The link is valid for 7 days.',

  'providers.q': 'Search by provider name or provider number.',

  'member.name': 'The person’s full name, as shown to colleagues and in the audit trail.',
  'member.email':
    'The person’s work email. They receive a “system access granted” email with a Set password link valid for 7 days.',
  'member.roles':
    'What the person may do for this organisation. A person holds the permissions of all their roles together.',

  'apiKey.name': 'A name that tells you where the key is used, for example “LMS nightly export”.',

  'audit.entityType': 'Show only changes to one kind of record, typed as it appears in the Record column.',
  'audit.action': 'Show only one kind of change, typed as it appears in the Action column.',
  'audit.from': 'Show changes made on or after this day.',
  'audit.to': 'Show changes made on or before this day.',

  'outbox.to': 'Show only the mail sent to addresses containing this text.',
} as const;

export type FieldHelpKey = keyof typeof FIELD_HELP;
