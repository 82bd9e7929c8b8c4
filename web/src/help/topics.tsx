import { Anchor, List, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  CONTACT_TYPES,
  type Permission,
  permissionsFor,
  ROLE_LABELS,
} from '../../../src/modules/identity/permissions.rules';
import type { HelpTopic } from '../lib/areas';
import { ACCREDITATION_STATUS_LABELS } from '../lib/labels';
import { ActivitiesHelp } from './activities-help';
import { H, Items, P } from './typography';
import { UploadsHelp } from './uploads-help';

// Help texts follow spec/program.md §2–§3 and docs/api.md; change them when those change.

export type HelpTopicContent = { title: string; summary: string; body: () => ReactNode };

const PROVIDER_PERMISSION_LABELS: Partial<Record<Permission, string>> = {
  'org.view': 'See the profile, people, status and history',
  'org.edit': 'Edit the profile',
  'contacts.manage': 'Add and remove people, change contact types',
  'activities.view': 'See activities',
  'activities.edit': 'Report activities',
  'learners.report': 'Report learners (coming soon)',
  'annual.edit': 'Prepare the annual report (coming soon)',
  'annual.submit': 'Submit the annual report (coming soon)',
  'accreditation.edit': 'Accreditation documents (coming soon)',
  'billing.view': 'Invoices and payments (coming soon)',
  'api.manage': 'API keys',
  'audit.view': 'Audit trail',
  'support.request': 'Ask for support (coming soon)',
};

function ProviderPermissionMatrix() {
  const granted = Object.fromEntries(CONTACT_TYPES.map((t) => [t, new Set(permissionsFor('PROVIDER', [t]))]));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Permission</Table.Th>
            {CONTACT_TYPES.map((type) => (
              <Table.Th key={type}>{ROLE_LABELS[type]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(PROVIDER_PERMISSION_LABELS).map(([permission, label]) => (
            <Table.Tr key={permission}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              {CONTACT_TYPES.map((type) => (
                <Table.Td key={type} ta="center">
                  {granted[type]?.has(permission as Permission) ? (
                    <>
                      <span aria-hidden>✔</span>
                      <VisuallyHidden>yes</VisuallyHidden>
                    </>
                  ) : (
                    <>
                      <span aria-hidden>–</span>
                      <VisuallyHidden>no</VisuallyHidden>
                    </>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export const HELP_CONTENT: Record<HelpTopic, HelpTopicContent> = {
  'sign-in': {
    title: 'Signing in and passwords',
    summary: 'Signing in, forgotten passwords, invitations and switching organisations.',
    body: () => (
      <>
        <H>Signing in</H>
        <P>
          Sign in with your email address and password. A session ends after 60 minutes without activity and
          after 12 hours in any case; sign in again to continue. Ten failed attempts within 15 minutes lock
          the account for 15 minutes from that network, and you are told by email.
        </P>
        <H>Forgotten password</H>
        <P>
          Choose “Can't log in or forgot your password?” on the sign-in page and enter your email address. The
          answer is always the same, whether or not an account exists. If it does, it receives a link to
          choose a new password. The link works once and expires after 60 minutes. Changing your password
          signs you out everywhere else.
        </P>
        <H>Passwords</H>
        <Items>
          <List.Item>at least 12 characters;</List.Item>
          <List.Item>not one of the commonly used passwords found in data breaches;</List.Item>
          <List.Item>not containing your email address.</List.Item>
        </Items>
        <H>Invitations</H>
        <P>
          When someone gives you access, you receive the email “OpenPARS — system access granted” with a Set
          password link. It works once and is valid for 7 days. Open it, choose your password and accept the
          terms of use; you are then signed in. If the link has expired, ask the person who invited you to
          send a new one.
        </P>
        <H>Several organisations</H>
        <P>
          One account can belong to several providers, accreditors or boards. The organisation switcher in the
          header chooses which one you act for; everything you see and change applies to that organisation.
        </P>
        <H>Second factor</H>
        <P>
          A second sign-in factor (an authenticator app code) will be required for accreditor, board and
          operator accounts before OpenPARS is used with real data. Demo accounts on a demo instance never
          need it.
        </P>
      </>
    ),
  },
  organization: {
    title: 'Organisation profile',
    summary: 'What the profile holds and who may change it.',
    body: () => (
      <>
        <P>
          The Organisation page shows the profile of the organisation you act for. For a provider it holds the
          provider number, names, organisation type, address, website, its accreditor, and its accreditation
          status and term.
        </P>
        <H>Who may change what</H>
        <Items>
          <List.Item>
            A provider’s Primary Contact and CEO Contact may edit its name, other names, organisation type,
            address and website.
          </List.Item>
          <List.Item>
            The provider number is assigned by OpenPARS: seven digits, never reused. It cannot be changed.
          </List.Item>
          <List.Item>
            The accreditation status and term change only through decisions recorded by the accreditor.
          </List.Item>
          <List.Item>The organisation type on 31 December is the one used for that year’s reports.</List.Item>
        </Items>
        <P>Every change is written to the audit trail with its before and after values.</P>
      </>
    ),
  },
  people: {
    title: 'People and roles',
    summary: 'Contact types of providers, roles of accreditors and boards, invitations.',
    body: () => (
      <>
        <H>Provider contact types</H>
        <P>
          Each person linked to a provider holds one or more contact types and has all the permissions of all
          of them. Exactly one Primary Contact must exist at all times: removing or changing the last one is
          refused.
        </P>
        <Items>
          <List.Item>
            <strong>Primary Contact</strong> receives every official notice: reaccreditation, decisions,
            deadline reminders.
          </List.Item>
          <List.Item>
            <strong>CEO Contact</strong> is the executive responsible for the program, copied on decisions and
            lateness notices.
          </List.Item>
          <List.Item>
            <strong>Medical Director</strong> leads content planning.
          </List.Item>
          <List.Item>
            <strong>Staff</strong> are people who work on the records.
          </List.Item>
          <List.Item>
            <strong>Technical Contact</strong> runs integrations and receives API and webhook notices.
          </List.Item>
          <List.Item>
            <strong>Billing Contact</strong> receives invoices (without one, the Primary Contact does).
          </List.Item>
          <List.Item>
            <strong>Website Contact</strong> is the public contact shown in the provider directory (without
            one, the Primary Contact is shown).
          </List.Item>
        </Items>
        <ProviderPermissionMatrix />
        <H>Accreditor, board and operator roles</H>
        <Items>
          <List.Item>
            <strong>{ROLE_LABELS.ACCREDITOR_ADMIN}</strong>: manages its providers (ACCME: all providers),
            decisions and its staff.
          </List.Item>
          <List.Item>
            <strong>{ROLE_LABELS.ACCREDITOR_STAFF}</strong>: reads all data of its providers and answers
            support.
          </List.Item>
          <List.Item>
            <strong>{ROLE_LABELS.REVIEWER}</strong>: sees only the reviews assigned to them.
          </List.Item>
          <List.Item>
            <strong>{ROLE_LABELS.BOARD_ADMIN}</strong>: board settings, rosters, staff and API credentials.
          </List.Item>
          <List.Item>
            <strong>{ROLE_LABELS.BOARD_STAFF}</strong>: reads and exports the board feed.
          </List.Item>
          <List.Item>
            <strong>{ROLE_LABELS.OPERATOR_ADMIN}</strong>: runs the instance — code lists, board onboarding,
            security.
          </List.Item>
        </Items>
        <H>Inviting and managing people</H>
        <P>
          A provider’s Primary or CEO Contact, or an accreditor, board or operator administrator for its own
          staff, can invite a person with a name, an email and roles. The person receives a Set password link
          valid for 7 days; “Resend invitation” sends a fresh link. From the row’s Actions menu you can also
          change roles, remove the person from the organisation (their account stays if they belong elsewhere)
          or deactivate their account (only when it belongs to no other organisation).
        </P>
      </>
    ),
  },
  providers: {
    title: 'Providers',
    summary: 'Finding, creating and updating accredited providers (accreditors).',
    body: () => (
      <>
        <P>
          Accreditor users see the providers their organisation accredits; ACCME sees every provider. Search
          by name or provider number, and use “Load more” to page through long lists.
        </P>
        <H>Creating a provider</H>
        <P>
          An accreditor administrator creates a provider in one step: OpenPARS assigns its seven-digit
          provider number, records the initial accreditation decision with the status and term entered, and
          invites its Primary Contact by email. The ACCME administrator may place a provider with any
          accreditor; other accreditors create providers for themselves. A provider has exactly one accreditor
          at a time.
        </P>
        <H>Accreditation statuses</H>
        <Items>
          <List.Item>
            <strong>{ACCREDITATION_STATUS_LABELS.APPLICANT}</strong>: pre-application accepted, no decision
            yet.
          </List.Item>
          <List.Item>
            <strong>{ACCREDITATION_STATUS_LABELS.PROVISIONAL}</strong>: 2-year term, the first decision for a
            compliant applicant.
          </List.Item>
          <List.Item>
            <strong>{ACCREDITATION_STATUS_LABELS.ACCREDITED}</strong>: 4-year term.
          </List.Item>
          <List.Item>
            <strong>{ACCREDITATION_STATUS_LABELS.ACCREDITED_COMMENDATION}</strong>: 6-year term.
          </List.Item>
          <List.Item>
            <strong>{ACCREDITATION_STATUS_LABELS.PROBATION}</strong>: term unchanged; serious noncompliance or
            late annual reporting.
          </List.Item>
          <List.Item>
            <strong>{ACCREDITATION_STATUS_LABELS.NONACCREDITED}</strong> and{' '}
            <strong>{ACCREDITATION_STATUS_LABELS.WITHDRAWN}</strong>: the provider keeps read access and may
            finish reporting for the years in which it was accredited.
          </List.Item>
        </Items>
        <H>Provider page</H>
        <P>
          A provider’s page shows its profile, its accreditation decisions and the people who have access to
          it. Administrators can edit the profile there; status and term change only through decisions.
        </P>
      </>
    ),
  },
  activities: {
    title: 'Activities',
    summary: 'Statuses, what each requirement means, repeat activities and copies.',
    body: () => <ActivitiesHelp />,
  },
  uploads: {
    title: 'Uploads',
    summary:
      'Files of activities: accepted layouts, outcomes, archive imports, duplicate files and dry runs.',
    body: () => <UploadsHelp />,
  },
  'api-keys': {
    title: 'API keys',
    summary: 'Letting your systems use the OpenPARS API.',
    body: () => (
      <>
        <P>
          An API key lets a system — your learning management system, a script — call the OpenPARS API without
          a person signing in. A key is bound to the organisation you act for when you create it, and can do
          what that organisation may do.
        </P>
        <Items>
          <List.Item>
            Provider Primary and Technical Contacts, and accreditor, board and operator administrators, manage
            keys.
          </List.Item>
          <List.Item>
            Send the key in the header <code>Authorization: Bearer &lt;key&gt;</code>.
          </List.Item>
          <List.Item>
            The key is shown once, when it is created. OpenPARS keeps only a fingerprint and the first
            characters, so a lost key cannot be shown again: revoke it and create a new one.
          </List.Item>
          <List.Item>Revoking a key takes effect at once and cannot be undone.</List.Item>
        </Items>
        <P>
          The API is described in the{' '}
          <Anchor href="/api/docs" target="_blank" rel="noopener">
            interactive API documentation
          </Anchor>{' '}
          (machine-readable at <code>/api/v1/openapi.json</code>). Errors come back in one shape, with a code
          and a message for each field.
        </P>
      </>
    ),
  },
  audit: {
    title: 'Audit trail',
    summary: 'Who changed what, when, and how.',
    body: () => (
      <>
        <P>
          Every change in OpenPARS is recorded in the same step as the change itself: who made it, when,
          through which channel, the record concerned, and its values before and after. Entries can never be
          edited or deleted.
        </P>
        <Items>
          <List.Item>
            <strong>Channels</strong>: WEB (this site), API (an API key), UPLOAD (a batch file), SYSTEM
            (OpenPARS itself, such as scheduled jobs) and SEED (demo data).
          </List.Item>
          <List.Item>
            An entry is visible to the organisation whose record changed and to the organisation of the person
            who changed it.
          </List.Item>
          <List.Item>
            Providers’ Primary and CEO Contacts, and accreditor, board and operator administrators, can read
            it.
          </List.Item>
          <List.Item>
            Filter by record, action and dates; “Show” on a row lists each changed field before and after.
          </List.Item>
        </Items>
      </>
    ),
  },
  outbox: {
    title: 'Outbox',
    summary: 'Mail kept by instances that do not send email.',
    body: () => (
      <>
        <P>
          When no mail server is configured, OpenPARS writes every email — invitations, password reset links —
          to the outbox instead of sending it. Open a message to read it; its links can be followed from
          there.
        </P>
        <Items>
          <List.Item>
            On a demo instance the outbox is open to anyone, so a newcomer can follow invitation and reset
            links. It holds demo mail only.
          </List.Item>
          <List.Item>On any other instance only operator administrators can read it.</List.Item>
          <List.Item>
            Links in mail work once; reset links expire after 60 minutes, invitations after 7 days.
          </List.Item>
        </Items>
      </>
    ),
  },
};
