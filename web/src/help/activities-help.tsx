import { List, Table } from '@mantine/core';
import { ACTIVITY_STATUS_LABELS, MIPS_CRITERIA } from '../lib/activity-labels';
import { H, Items, P } from './typography';

// Follows spec/activities.md §3 (status rules), §4 (code lists), §5 (repeat activities) and the copy
// rule of decisions.md §17; change it when those change.

type Rule = [id: string, what: string];

const DRAFT_RULES: Rule[] = [
  ['D1', 'A title (1–250 characters).'],
  ['D2', 'A format from the list (C, RSS, EM, JN, MR, TIW, CML, PI, ISL, LFT, OTH).'],
  ['D3', 'A start date (for an enduring material, its release date).'],
  [
    'D4',
    'An end date, not before the start date, in 2022 or later, and at most 1 year after the start (enduring materials: 3 years) — the last allowed day is the start date plus 1 (or 3) years minus one day.',
  ],
];

const ACTIVE_RULES: Rule[] = [
  [
    'A1',
    'A delivery method, for courses (C), series (RSS), enduring materials (EM) and other formats (OTH).',
  ],
  ['A2', 'City and country, when the activity is in person or hybrid.'],
  ['A3', 'The US state, when A2 applies and the country is the USA.'],
  ['A4', 'The AMA PRA Category 1 Credits™ designated.'],
  ['A5', 'A description.'],
  ['A6', 'The providership: directly or jointly provided.'],
  ['A7', 'Whether to list the activity in CME Passport.'],
  [
    'A8',
    'The participation fee, registration and activity URL, when the activity is listed in CME Passport or registered for MOC.',
  ],
];

const CLOSED_RULES: Rule[] = [
  ['C1', 'The end date has passed: an activity cannot close before it ends.'],
  ['C2', 'At least one joint provider named, when the activity is jointly provided.'],
  ['C3', 'At least one outcome measure.'],
  ['C4', 'Whether commercial support was received.'],
  [
    'C5',
    'When it was: at least one supporter, each with a name and a kind, and the amount for monetary support.',
  ],
  ['C6', 'The number of physician learners (0 is an answer).'],
  ['C7', 'The number of other learners (0 is an answer).'],
  [
    'C8',
    'Joint Accreditation providers only: the other learners by profession, adding up to the other learners.',
  ],
  [
    'C9',
    'Enduring materials only: the cumulative counts at 31 December of every calendar year from the start year to the end year, the last equal to the learner counts.',
  ],
  [
    'C10',
    'Every MOC registration complete: credit types with amounts, at least one practice area, content areas and the board’s activity ID where the board requires them, fee, registration and URL (the activity’s own apply unless overridden), the MOC claim date and the attestation.',
  ],
  [
    'C11',
    'For a REMS activity: its type; the Blueprint sections when REMS-related; the RPC ID when the REMS Program Companies (RPC) are a supporter; prescribers in the last 12 months; participants by profession; DEA registrations (individual and institutional); participants by practice type.',
  ],
  [
    'C12',
    'When the activity meets the MIPS Improvement Activity expectations: how meaningful participation is defined and documented, and the attestation of the five criteria.',
  ],
];

function RuleTable({ caption, rules }: { caption: string; rules: Rule[] }) {
  return (
    <Table.ScrollContainer minWidth={480} mb="sm">
      <Table withTableBorder striped fz="sm" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>ID</Table.Th>
            <Table.Th>What is needed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map(([id, what]) => (
            <Table.Tr key={id}>
              <Table.Th scope="row">{id}</Table.Th>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ActivitiesHelp() {
  return (
    <>
      <P>
        An activity is one accredited continuing-education offering: a course, a regularly scheduled series,
        an enduring material, a journal-based article and so on. OpenPARS checks every activity with the same
        rules whether it comes from this site, the API or an upload, and computes its status from what it
        holds.
      </P>

      <H>Statuses</H>
      <Items>
        <List.Item>
          <strong>{ACTIVITY_STATUS_LABELS.DRAFT}</strong>: saved, but not yet complete enough to be active, or
          kept as a draft on purpose. Only the title, format and dates are needed to save one. A draft is
          visible only to you and your accreditor and accepts no learner records.
        </List.Item>
        <List.Item>
          <strong>{ACTIVITY_STATUS_LABELS.ACTIVE}</strong>: the activity has everything A1–A8 ask for and has
          not ended yet. Learners can be reported; it shows in CME Passport when it is listed or registered
          for MOC.
        </List.Item>
        <List.Item>
          <strong>{ACTIVITY_STATUS_LABELS.READY_TO_CLOSE}</strong>: as Active, but the end date has passed and
          the closing data (C2–C12) is not complete. It is on your to-do list and is not yet counted in the
          Data Report.
        </List.Item>
        <List.Item>
          <strong>{ACTIVITY_STATUS_LABELS.CLOSED}</strong>: ended and complete. It is counted in the Data
          Report of its reporting year (the year of its end date) and stays editable until that year is locked
          by your annual report.
        </List.Item>
      </Items>
      <P>
        The status is recomputed on every change, and each night for activities whose end date has just
        passed. An edit that breaks a requirement lowers the status.
      </P>

      <H>Requested status</H>
      <P>
        The requested status caps what OpenPARS computes. <strong>Automatic</strong> goes as far as the data
        allows; <strong>Keep as a draft</strong> keeps the activity a draft (for example, not yet to be
        published); <strong>Active at most</strong> never closes it, even with complete closing data;{' '}
        <strong>Closed</strong> applies no cap. The status an activity aims for is the one requested — for
        Automatic, Closed once the end date has passed and Active before — and “still missing” lists every
        requirement between its status and that aim.
      </P>

      <H>What each requirement means</H>
      <RuleTable caption="Needed to save the activity at all (a draft)" rules={DRAFT_RULES} />
      <RuleTable caption="Needed for Active and Ready to close" rules={ACTIVE_RULES} />
      <RuleTable caption="Needed, on top of A1–A8, to close" rules={CLOSED_RULES} />
      <P>The MIPS attestation (C12) confirms that the activity:</P>
      <List size="sm" type="ordered" spacing={2} mb="sm">
        {MIPS_CRITERIA.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>

      <H>The activity form</H>
      <Items>
        <List.Item>
          The panel “Status if saved” runs the same rules as OpenPARS while you type: what stops a save, the
          status the activity would get, and each requirement still missing. Choose an item to go to its
          field.
        </List.Item>
        <List.Item>“Check” asks OpenPARS itself, without saving anything.</List.Item>
        <List.Item>
          Delivery methods depend on the format: in person, online or hybrid for courses, series and other
          formats; online or print for enduring materials; none for the other formats. City, state and country
          apply only to in-person and hybrid activities.
        </List.Item>
        <List.Item>
          Money is in whole US dollars; credits and MOC amounts are in steps of 0.25. Dollar amounts are never
          published.
        </List.Item>
        <List.Item>
          Enduring materials are entered once and stay open up to 3 years; enter the cumulative learner counts
          at 31 December of each year.
        </List.Item>
        <List.Item>
          Learner MOC records for a board are accepted only once the board’s registration has credit types,
          amounts and the attestation.
        </List.Item>
      </Items>

      <H>Changes OpenPARS refuses</H>
      <Items>
        <List.Item>
          Changes that would strand learner records: moving the dates so that a reported completion falls
          outside them, lowering the credits below a learner’s reported credit, removing a board or credit
          type in use, or lowering a registered amount below reported points.
        </List.Item>
        <List.Item>Making an activity with learner records a draft again.</List.Item>
        <List.Item>
          Any change to an activity of a locked reporting year, until a change request is approved.
        </List.Item>
        <List.Item>
          Saving over a newer version: if someone else saved the activity after you opened it, reload it and
          make your change again.
        </List.Item>
      </Items>

      <H>Deleting</H>
      <P>
        An activity can be deleted while it has no learner records and its reporting year is not locked. The
        record is kept for the audit trail, and its provider activity ID becomes free for a new activity.
      </P>

      <H>Repeat activities</H>
      <P>
        When the same activity is given several times — in several cities, or on several dates — choose
        “Repeat this activity” on a new activity. Enter 2–100 instances, each with its own dates, delivery
        method and place, and optionally its own ID. OpenPARS creates one activity per instance, all in one
        repeat group. An instance without its own ID gets your activity ID plus a dash and a number of at
        least two digits (P24-0107-01, P24-0107-02, …). Nothing is created if any instance fails to save, an
        ID is already taken, or a generated ID would exceed 50 characters. After that, each instance is an
        independent activity with its own status, counts and learners.
      </P>

      <H>Copying</H>
      <P>
        “Copy” on an activity’s page creates a new draft with every field of the original except its IDs, the
        MOC and MIPS attestations and the enduring-material counts. The copy is set to “Keep as a draft”: give
        it its own ID and dates, then change the requested status when it is ready.
      </P>

      <H>History</H>
      <P>
        Every change is recorded with who made it, when, through which channel, and each changed field before
        and after. The activity’s page shows its history.
      </P>

      <H>Accreditors</H>
      <P>
        Accreditor staff see the activities of the providers they accredit, one provider or all at once, but
        cannot change them.
      </P>
    </>
  );
}
