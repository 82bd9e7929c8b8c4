// One help text per form field, shown by the field's "?" (decisions.md §13). Where the API's schema
// describes the field (.describe() in src/modules/*/*.schema.ts) that text is used, so the form, the API
// documentation and the help cannot drift apart; the fallbacks cover fields the API has no schema for
// (filters, confirmations).
import {
  activityInputSchema,
  commercialSupporterSchema,
  enduringCountSchema,
  mipsSchema,
  mocRegistrationSchema,
  remsSchema,
} from '../../../src/modules/activities/activity.schema';
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
const activity = activityInputSchema.shape;
const supporter = commercialSupporterSchema.shape;
const moc = mocRegistrationSchema.shape;
const rems = remsSchema.shape;
const mips = mipsSchema.shape;
const enduring = enduringCountSchema.shape;
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

  'activity.providerActivityId': described(activity.providerActivityId, 'Your own ID for the activity.'),
  'activity.requestedStatus': `${described(activity.requestedStatus, 'Caps the status OpenPARS computes.')} Automatic goes as far as the data allows: Active while the activity runs, Closed after it ends when the closing data is complete.`,
  'activity.title': described(activity.title, 'Activity title.'),
  'activity.format': described(activity.format, 'Activity format.'),
  'activity.description': described(activity.description, 'Plain-text description.'),
  'activity.providership': described(activity.providership, 'DIRECT or JOINT.'),
  'activity.jointProviders': `${described(activity.jointProviders, 'Names of the joint providers.')} Press Enter after each name.`,
  'activity.topics': `${described(activity.topics, 'Topics of the activity.')} Press Enter after each topic.`,
  'activity.startDate': described(activity.startDate, 'First day of the activity.'),
  'activity.endDate': described(activity.endDate, 'Last day of the activity.'),
  'activity.deliveryMethod': described(activity.deliveryMethod, 'How learners take part.'),
  'activity.city': described(activity.city, 'City of the activity.'),
  'activity.state': described(activity.state, 'US state or territory.'),
  'activity.country': described(activity.country, 'Country of the activity.'),
  'activity.creditsDesignated': described(
    activity.creditsDesignated,
    'AMA PRA Category 1 Credits™ designated.',
  ),
  'activity.listInPassport': described(activity.listInPassport, 'List the activity in CME Passport.'),
  'activity.hasFee': described(activity.hasFee, 'Whether learners pay to take part.'),
  'activity.registration': described(activity.registration, 'OPEN or LIMITED.'),
  'activity.activityUrl': described(activity.activityUrl, 'Address of the activity.'),
  'activity.outcomeMeasures': described(activity.outcomeMeasures, 'Outcome measures.'),
  'activity.commercialSupportReceived': described(
    activity.commercialSupportReceived,
    'Whether the activity received commercial support.',
  ),
  'activity.commercialSupporters': described(
    activity.commercialSupporters,
    'One entry per supporter and kind.',
  ),
  'activity.supporter.name': `${described(supporter.name, 'The company that gave the support.')} Choose “REMS Program Companies (RPC)” for RPC support of a REMS activity.`,
  'activity.supporter.kind': described(supporter.kind, 'MONETARY or IN_KIND.'),
  'activity.supporter.amount': described(supporter.amount, 'Whole US dollars received.'),
  'activity.supporter.inKindTypes': described(supporter.inKindTypes, 'Nature of the in-kind support.'),
  'activity.supporter.inKindOther': described(supporter.inKindOther, 'Other in-kind support, described.'),
  'activity.physicianLearnerCount': `${described(activity.physicianLearnerCount, 'Physician learners.')} 0 is a real answer.`,
  'activity.otherLearnerCount': `${described(activity.otherLearnerCount, 'Other learners.')} 0 is a real answer.`,
  'activity.otherLearnersByProfession': described(
    activity.otherLearnersByProfession,
    'Other learners by profession.',
  ),
  'activity.enduringCounts': described(activity.enduringCounts, 'Cumulative counts per year.'),
  'activity.enduring.physicianLearners': described(
    enduring.physicianLearners,
    'Cumulative physician learners at 31 December.',
  ),
  'activity.enduring.otherLearners': described(
    enduring.otherLearners,
    'Cumulative other learners at 31 December.',
  ),
  'activity.mocRegistrations': `${described(activity.mocRegistrations, 'MOC registrations.')} Learner MOC records for a board are accepted only once its registration has credit types, amounts and the attestation.`,
  'activity.moc.board': described(moc.board, 'Certifying board.'),
  'activity.moc.creditTypes': described(moc.creditTypes, 'Credit types and amounts.'),
  'activity.moc.practiceAreas': described(moc.practiceAreas, 'Practice areas.'),
  'activity.moc.contentAreas': described(moc.contentAreas, 'Content areas.'),
  'activity.moc.internalId': described(moc.internalId, 'The board’s own activity ID.'),
  'activity.moc.hasFee': described(moc.hasFee, 'Whether learners pay to take part.'),
  'activity.moc.registration': described(moc.registration, 'OPEN or LIMITED.'),
  'activity.moc.activityUrl': described(moc.activityUrl, 'Where learners find the activity.'),
  'activity.moc.claimDate': described(moc.claimDate, 'Last completion date accepted for this board.'),
  'activity.moc.attested': described(moc.attested, 'Confirms the board attestation.'),
  'activity.rems': described(activity.rems, 'FDA Opioid Analgesic REMS details.'),
  'activity.rems.type': described(rems.type, 'COMPLIANT or RELATED.'),
  'activity.rems.blueprintSections': described(rems.blueprintSections, 'Blueprint sections covered.'),
  'activity.rems.rpcId': described(rems.rpcId, 'RPC ID.'),
  'activity.rems.prescribersLastYear': described(
    rems.prescribersLastYear,
    'Prescribers in the last 12 months.',
  ),
  'activity.rems.byProfession': described(rems.byProfession, 'Participants by profession.'),
  'activity.rems.deaIndividual': described(rems.deaIndividual, 'DEA registrations, individual.'),
  'activity.rems.deaInstitutional': described(rems.deaInstitutional, 'DEA registrations, institutional.'),
  'activity.rems.byPracticeType': described(rems.byPracticeType, 'Participants by practice type.'),
  'activity.mips': described(activity.mips, 'MIPS Improvement Activity details.'),
  'activity.mips.improvementActivity': described(mips.improvementActivity, 'Meets the MIPS expectations.'),
  'activity.mips.participationDefinition': described(
    mips.participationDefinition,
    'How meaningful participation is defined and documented.',
  ),
  'activity.mips.attested': described(mips.attested, 'Attests the five MIPS criteria.'),
  'activity.repeat':
    'Creates one activity per instance (2–100), all sharing the other fields of this form. An instance without its own ID gets your activity ID plus -01, -02 …. Nothing is created if any instance fails.',
  'activity.repeat.providerActivityId':
    'Optional: this instance’s own ID. Left empty, it becomes your activity ID plus a sequence number.',

  'activities.q': 'Words of the title, a PARS Activity ID, or your full provider activity ID.',
  'activities.provider': 'Show the activities of one of your providers; leave empty for all of them.',
  'activities.status': 'Show only activities with this status.',
  'activities.format': 'Show only activities of this format.',
  'activities.year': 'Show only activities of this reporting year (the year of the end date).',
  'activities.board': 'Show only activities registered for MOC with this certifying board.',
  'activities.rems': 'Show only REMS activities, or only activities that are not.',
  'activities.mips':
    'Show only activities that meet the MIPS Improvement Activity expectations, or only those that do not.',
  'activities.sort': 'The order of the list.',

  'uploads.provider':
    'The provider whose past activities the file holds: one you oversee. Search by name or type the full 7-digit provider number. The activities are saved to that provider.',
} as const;

export type FieldHelpKey = keyof typeof FIELD_HELP;
