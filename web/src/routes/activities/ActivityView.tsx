import { List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Activity } from '../../api/activities';
import { DetailList } from '../../components/DetailList';
import {
  codeLabel,
  formatCredits,
  formatDollars,
  PRACTICE_TYPE_LABELS,
  PROVIDERSHIP_LABELS,
  REGISTRATION_LABELS,
  REMS_TYPE_LABELS,
  REQUESTED_STATUS_LABELS,
  SUPPORT_KIND_LABELS,
  yesNo,
} from '../../lib/activity-labels';
import { formatDate, formatDateTime } from '../../lib/dates';
import { Section } from './form/Section';

// Every field of an activity, read-only, in the groups of the form.

const codes = (list: Parameters<typeof codeLabel>[0], values: string[] | undefined) =>
  (values ?? []).map((v) => codeLabel(list, v)).join(', ');

function counts(map: Record<string, number> | undefined, label: (code: string) => string): ReactNode {
  const entries = Object.entries(map ?? {});
  if (entries.length === 0) return '';
  return (
    <List size="sm" spacing={0}>
      {entries.map(([code, n]) => (
        <List.Item key={code}>
          {label(code)}: {n.toLocaleString('en-US')}
        </List.Item>
      ))}
    </List>
  );
}

const count = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : n.toLocaleString('en-US');

export function ActivityView({ activity: a }: { activity: Activity }) {
  const located = a.deliveryMethod === 'IN_PERSON' || a.deliveryMethod === 'HYBRID';
  return (
    <Stack gap="lg">
      <Section id="view-basics" title="Basics">
        <DetailList
          items={[
            { label: 'PARS activity ID', value: String(a.parsActivityId) },
            { label: 'Your activity ID', value: a.providerActivityId },
            { label: 'Format', value: `${a.format} — ${codeLabel('activity-types', a.format)}` },
            {
              label: 'Requested status',
              value: REQUESTED_STATUS_LABELS[a.requestedStatus] ?? a.requestedStatus,
            },
            { label: 'Providership', value: a.providership ? PROVIDERSHIP_LABELS[a.providership] : '' },
            ...(a.providership === 'JOINT'
              ? [{ label: 'Joint providers', value: a.jointProviders.join('; ') }]
              : []),
            { label: 'Topics', value: a.topics.join(', ') },
          ]}
        />
        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Description
          </Text>
          <Text size="sm" className="preserve-lines">
            {a.description ?? (
              <Text span c="dimmed" size="sm">
                Not recorded
              </Text>
            )}
          </Text>
        </div>
      </Section>

      <Section id="view-dates" title="Dates and places">
        <DetailList
          items={[
            { label: a.format === 'EM' ? 'Release date' : 'Start date', value: formatDate(a.startDate) },
            { label: 'End date', value: formatDate(a.endDate) },
            { label: 'Reporting year', value: String(a.reportingYear) },
            {
              label: 'Delivery method',
              value: a.deliveryMethod ? codeLabel('delivery-methods', a.deliveryMethod) : '',
            },
            ...(located
              ? [
                  {
                    label: 'Location',
                    value: [a.city, a.state, a.country ? codeLabel('countries', a.country) : '']
                      .filter(Boolean)
                      .join(', '),
                  },
                ]
              : []),
          ]}
        />
      </Section>

      <Section id="view-credit" title="Credit and listing">
        <DetailList
          items={[
            { label: 'AMA PRA Category 1 Credits™ designated', value: formatCredits(a.creditsDesignated) },
            { label: 'List in CME Passport', value: yesNo(a.listInPassport) },
            { label: 'Participation fee', value: yesNo(a.hasFee) },
            { label: 'Registration', value: a.registration ? REGISTRATION_LABELS[a.registration] : '' },
            { label: 'Activity URL', value: a.activityUrl },
            { label: 'Outcome measures', value: codes('outcome-measures', a.outcomeMeasures) },
          ]}
        />
      </Section>

      <Section id="view-support" title="Commercial support">
        <DetailList
          items={[{ label: 'Commercial support received', value: yesNo(a.commercialSupportReceived) }]}
        />
        {a.commercialSupporters.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Supporter</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Amount or nature</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.commercialSupporters.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: supporters have no id; the list is read-only
                  <Table.Tr key={i}>
                    <Table.Td className="break-anywhere">{s.name}</Table.Td>
                    <Table.Td>{s.kind ? (SUPPORT_KIND_LABELS[s.kind] ?? s.kind) : ''}</Table.Td>
                    <Table.Td>
                      {s.kind === 'IN_KIND'
                        ? [codes('in-kind-types', s.inKindTypes), s.inKindOther].filter(Boolean).join(': ')
                        : formatDollars(s.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section id="view-learners" title="Learners">
        <DetailList
          items={[
            { label: 'Physician learners', value: count(a.physicianLearnerCount) },
            { label: 'Other learners', value: count(a.otherLearnerCount) },
            ...(Object.keys(a.otherLearnersByProfession ?? {}).length
              ? [
                  {
                    label: 'Other learners by profession',
                    value: counts(a.otherLearnersByProfession, (c) => codeLabel('ja-professions', c)),
                  },
                ]
              : []),
            ...(a.format === 'EM'
              ? [
                  {
                    label: 'Counts at 31 December',
                    value: a.enduringCounts.length ? (
                      <List size="sm" spacing={0}>
                        {a.enduringCounts.map((e) => (
                          <List.Item key={e.year}>
                            {e.year}: {e.physicianLearners.toLocaleString('en-US')} physicians,{' '}
                            {e.otherLearners.toLocaleString('en-US')} others
                          </List.Item>
                        ))}
                      </List>
                    ) : (
                      ''
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>

      <Section id="view-moc" title="MOC / Continuing Certification">
        {a.mocRegistrations.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not registered with any certifying board.
          </Text>
        ) : (
          a.mocRegistrations.map((m) => (
            <Stack key={m.board} gap="xs">
              <Title order={3} size="h5">
                {m.board} — {codeLabel('boards', m.board)}
              </Title>
              <DetailList
                items={[
                  {
                    label: 'Credit types',
                    value: m.creditTypes.map((c) => `${c.code} ${formatCredits(c.amount)}`).join(', '),
                  },
                  { label: 'Practice areas', value: m.practiceAreas.join(', ') },
                  ...(m.contentAreas.length
                    ? [{ label: 'Content areas', value: m.contentAreas.join(', ') }]
                    : []),
                  ...(m.internalId ? [{ label: 'Board activity ID', value: m.internalId }] : []),
                  { label: 'MOC claim date', value: formatDate(m.claimDate) },
                  {
                    label: 'Participation fee',
                    value: m.hasFee === null ? 'Same as the activity' : yesNo(m.hasFee),
                  },
                  {
                    label: 'Registration',
                    value: m.registration ? REGISTRATION_LABELS[m.registration] : 'Same as the activity',
                  },
                  { label: 'Activity URL', value: m.activityUrl ?? 'Same as the activity' },
                  {
                    label: 'Attestation',
                    value: m.attestedAt ? `Confirmed ${formatDateTime(m.attestedAt)}` : 'Not confirmed',
                  },
                ]}
              />
            </Stack>
          ))
        )}
      </Section>

      <Section id="view-rems" title="FDA Opioid Analgesic REMS">
        {a.rems ? (
          <DetailList
            items={[
              { label: 'REMS type', value: a.rems.type ? REMS_TYPE_LABELS[a.rems.type] : '' },
              ...(a.rems.type === 'RELATED'
                ? [{ label: 'Blueprint sections', value: a.rems.blueprintSections.join(', ') }]
                : []),
              { label: 'RPC ID', value: a.rems.rpcId },
              {
                label: 'Prescribed opioid analgesics in the last 12 months',
                value: count(a.rems.prescribersLastYear),
              },
              { label: 'DEA registered, individual', value: count(a.rems.deaIndividual) },
              { label: 'DEA registered, institutional', value: count(a.rems.deaInstitutional) },
              {
                label: 'Participants by profession',
                value: counts(a.rems.byProfession, (c) => codeLabel('rems-professions', c)),
              },
              {
                label: 'Participants by practice type',
                value: counts(a.rems.byPracticeType, (c) => PRACTICE_TYPE_LABELS[c] ?? c),
              },
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Not a REMS activity.
          </Text>
        )}
      </Section>

      <Section id="view-mips" title="MIPS Improvement Activity">
        {a.mips ? (
          <DetailList
            items={[
              {
                label: 'Meets the MIPS Improvement Activity expectations',
                value: yesNo(a.mips.improvementActivity),
              },
              ...(a.mips.improvementActivity
                ? [
                    { label: 'Meaningful participation', value: a.mips.participationDefinition },
                    {
                      label: 'Attestation of the five criteria',
                      value: a.mips.attestedAt
                        ? `Attested ${formatDateTime(a.mips.attestedAt)}`
                        : 'Not attested',
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            No MIPS details.
          </Text>
        )}
      </Section>
    </Stack>
  );
}
