import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { RPC_SUPPORTER } from '../../../../../src/modules/activities/activity.rules';
import { AutocompleteField, ChoiceField, MultiSelectField, TextField } from '../../../components/form/fields';
import { FIELD_HELP } from '../../../help/field-help';
import { codeOptions, SUPPORT_KIND_LABELS } from '../../../lib/activity-labels';
import type { FormApi } from './form-api';
import {
  type ActivityFormState,
  emptySupporter,
  enduringYears,
  fieldId,
  parseNumber,
  type SupporterState,
} from './form-state';
import { Section, YES_NO_OPTIONS } from './Section';

const KIND_OPTIONS = Object.entries(SUPPORT_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function SupportSection({ form }: { form: FormApi }) {
  const { state, change, error } = form;
  const setSupporter = (index: number, patch: Partial<SupporterState>, key: string) =>
    change(`commercialSupporters.${index}.${key}`, (s) => ({
      ...s,
      commercialSupporters: s.commercialSupporters.map((x, k) => (k === index ? { ...x, ...patch } : x)),
    }));
  const add = () =>
    change('commercialSupporters', (s) => ({
      ...s,
      commercialSupporters: [...s.commercialSupporters, emptySupporter()],
    }));
  const remove = (index: number) =>
    change('commercialSupporters', (s) => ({
      ...s,
      commercialSupporters: s.commercialSupporters.filter((_, k) => k !== index),
    }));
  const answer = (value: string) =>
    change('commercialSupportReceived', (s) => ({
      ...s,
      commercialSupportReceived: value as ActivityFormState['commercialSupportReceived'],
      // Saying Yes opens the first entry, so there is somewhere to type.
      commercialSupporters:
        value === 'yes' && s.commercialSupporters.length === 0 ? [emptySupporter()] : s.commercialSupporters,
    }));
  const listError = error('commercialSupporters');

  return (
    <Section
      id="support"
      title="Commercial support"
      intro="Support from ineligible companies: one entry per company and kind of support. Amounts are never published."
    >
      <ChoiceField
        id={fieldId('commercialSupportReceived')}
        label="Commercial support received"
        help={FIELD_HELP['activity.commercialSupportReceived']}
        options={YES_NO_OPTIONS}
        value={state.commercialSupportReceived}
        onChange={answer}
        error={error('commercialSupportReceived')}
      />
      {state.commercialSupportReceived === 'yes' && (
        <Stack gap="sm">
          {listError && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {listError}
            </Text>
          )}
          {state.commercialSupporters.map((supporter, index) => {
            const path = `commercialSupporters.${index}`;
            const n = index + 1;
            return (
              <Card
                key={supporter.key}
                withBorder
                padding="md"
                role="group"
                aria-labelledby={`${fieldId(path)}-title`}
              >
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h5" id={`${fieldId(path)}-title`}>
                    Supporter {n}
                  </Title>
                  <Button
                    variant="subtle"
                    color="red"
                    c="red.9"
                    size="compact-sm"
                    onClick={() => remove(index)}
                    aria-label={`Remove supporter ${n}${supporter.name ? ` (${supporter.name})` : ''}`}
                  >
                    Remove
                  </Button>
                </Group>
                <Stack gap="sm">
                  <AutocompleteField
                    id={fieldId(`${path}.name`)}
                    label={`Supporter ${n} name`}
                    help={FIELD_HELP['activity.supporter.name']}
                    data={[RPC_SUPPORTER]}
                    maxLength={200}
                    value={supporter.name}
                    onChange={(v) => setSupporter(index, { name: v }, 'name')}
                    error={error(`${path}.name`)}
                  />
                  <ChoiceField
                    id={fieldId(`${path}.kind`)}
                    label={`Supporter ${n} kind of support`}
                    help={FIELD_HELP['activity.supporter.kind']}
                    options={KIND_OPTIONS}
                    value={supporter.kind}
                    onChange={(v) => setSupporter(index, { kind: v }, 'kind')}
                    error={error(`${path}.kind`)}
                  />
                  {supporter.kind !== 'IN_KIND' && (
                    <TextField
                      id={fieldId(`${path}.amount`)}
                      label={`Supporter ${n} amount received (US dollars)`}
                      help={FIELD_HELP['activity.supporter.amount']}
                      inputMode="numeric"
                      leftSection={<span aria-hidden>$</span>}
                      value={supporter.amount}
                      onChange={(e) => setSupporter(index, { amount: e.currentTarget.value }, 'amount')}
                      error={error(`${path}.amount`)}
                      maw={320}
                    />
                  )}
                  {supporter.kind === 'IN_KIND' && (
                    <>
                      <MultiSelectField
                        id={fieldId(`${path}.inKindTypes`)}
                        label={`Supporter ${n} nature of in-kind support`}
                        help={FIELD_HELP['activity.supporter.inKindTypes']}
                        data={codeOptions('in-kind-types')}
                        value={supporter.inKindTypes}
                        onChange={(v) => setSupporter(index, { inKindTypes: v }, 'inKindTypes')}
                        error={form.errorUnder(`${path}.inKindTypes`)}
                      />
                      {supporter.inKindTypes.includes('OTHER') && (
                        <TextField
                          id={fieldId(`${path}.inKindOther`)}
                          label={`Supporter ${n} other in-kind support, described`}
                          help={FIELD_HELP['activity.supporter.inKindOther']}
                          maxLength={200}
                          value={supporter.inKindOther}
                          onChange={(e) =>
                            setSupporter(index, { inKindOther: e.currentTarget.value }, 'inKindOther')
                          }
                          error={error(`${path}.inKindOther`)}
                        />
                      )}
                    </>
                  )}
                </Stack>
              </Card>
            );
          })}
          <Group>
            <Button
              variant="default"
              onClick={add}
              id={fieldId('commercialSupporters')}
              disabled={state.commercialSupporters.length >= 100}
            >
              Add supporter
            </Button>
          </Group>
        </Stack>
      )}
      {state.commercialSupportReceived === 'no' && state.commercialSupporters.length > 0 && (
        <Alert color="yellow" title="Supporters kept aside">
          The {state.commercialSupporters.length === 1 ? 'supporter' : 'supporters'} entered will not be saved
          while the answer is No.
        </Alert>
      )}
    </Section>
  );
}

export function LearnersSection({ form }: { form: FormApi }) {
  const { state, set, error } = form;
  const isEnduring = state.format === 'EM';
  const showProfessions =
    form.jointAccreditation || Object.values(state.otherLearnersByProfession).some((v) => v.trim() !== '');
  return (
    <Section
      id="learners"
      title="Learners"
      intro={
        isEnduring
          ? 'Cumulative learners since release: the totals as of today, and each calendar year’s totals at 31 December.'
          : 'How many people took part. 0 is a real answer.'
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField
          id={fieldId('physicianLearnerCount')}
          label="Physician learners"
          help={FIELD_HELP['activity.physicianLearnerCount']}
          inputMode="numeric"
          value={state.physicianLearnerCount}
          onChange={(e) => set('physicianLearnerCount', e.currentTarget.value)}
          error={error('physicianLearnerCount')}
        />
        <TextField
          id={fieldId('otherLearnerCount')}
          label="Other learners"
          help={FIELD_HELP['activity.otherLearnerCount']}
          inputMode="numeric"
          value={state.otherLearnerCount}
          onChange={(e) => set('otherLearnerCount', e.currentTarget.value)}
          error={error('otherLearnerCount')}
        />
      </SimpleGrid>
      {showProfessions && <ProfessionCounts form={form} />}
      {isEnduring && <EnduringCounts form={form} />}
    </Section>
  );
}

/** A count per code (other learners by profession; REMS breakdowns), with the running total. */
export function CountGrid({
  form,
  path,
  title,
  help,
  codes,
  values,
  onChange,
  total,
}: {
  form: FormApi;
  path: string;
  title: string;
  help: string;
  codes: { value: string; label: string }[];
  values: Record<string, string>;
  onChange: (code: string, value: string) => void;
  /** The figure the counts are compared with, if any. */
  total?: { label: string; value: number | null };
}) {
  const sum = Object.values(values).reduce((acc, v) => acc + (parseNumber(v, true) || 0), 0);
  const groupError = form.error(path);
  return (
    <Stack gap={6} role="group" aria-labelledby={`${fieldId(path)}-title`}>
      <Title order={3} size="h5" id={`${fieldId(path)}-title`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {help}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {codes.map((code, i) => (
          <TextField
            key={code.value}
            id={i === 0 ? fieldId(path) : fieldId(`${path}.${code.value}`)}
            label={code.label}
            help={`${title}: ${code.label}. A whole number; leave empty for none.`}
            inputMode="numeric"
            value={values[code.value] ?? ''}
            onChange={(e) => onChange(code.value, e.currentTarget.value)}
            error={form.error(`${path}.${code.value}`)}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" role="status">
        Total {sum.toLocaleString('en-US')}
        {total && total.value !== null && ` of ${total.value.toLocaleString('en-US')} ${total.label}`}
      </Text>
      {groupError && (
        <Text size="sm" c="var(--mantine-color-error)">
          {groupError}
        </Text>
      )}
    </Stack>
  );
}

function ProfessionCounts({ form }: { form: FormApi }) {
  const { state, change } = form;
  return (
    <CountGrid
      form={form}
      path="otherLearnersByProfession"
      title="Other learners by profession"
      help={FIELD_HELP['activity.otherLearnersByProfession']}
      codes={codeOptions('ja-professions')}
      values={state.otherLearnersByProfession}
      onChange={(code, value) =>
        change(`otherLearnersByProfession.${code}`, (s) => ({
          ...s,
          otherLearnersByProfession: { ...s.otherLearnersByProfession, [code]: value },
        }))
      }
      total={{ label: 'other learners', value: parseNumber(state.otherLearnerCount, true) }}
    />
  );
}

function EnduringCounts({ form }: { form: FormApi }) {
  const { state, change } = form;
  const years = [
    ...new Set([
      ...enduringYears(state.startDate, state.endDate),
      ...Object.keys(state.enduringCounts).map(Number),
    ]),
  ].sort((a, b) => a - b);
  // Error paths count the entries sent, in year order (form-state enduringEntries).
  const sentYears = Object.entries(state.enduringCounts)
    .filter(([, e]) => e.physicianLearners.trim() !== '' || e.otherLearners.trim() !== '')
    .map(([y]) => Number(y))
    .sort((a, b) => a - b);
  const entryError = (year: number, key?: string) => {
    const index = sentYears.indexOf(year);
    if (index < 0) return undefined;
    return key
      ? form.error(`enduringCounts.${index}.${key}`)
      : (form.error(`enduringCounts.${index}.year`) ?? form.error(`enduringCounts.${index}`));
  };
  const setCount = (year: number, key: 'physicianLearners' | 'otherLearners', value: string) =>
    change(`enduringCounts.${year}`, (s) => {
      const current = s.enduringCounts[String(year)] ?? { physicianLearners: '', otherLearners: '' };
      return { ...s, enduringCounts: { ...s.enduringCounts, [String(year)]: { ...current, [key]: value } } };
    });
  const groupError = form.error('enduringCounts');

  return (
    <Stack gap={6} role="group" aria-labelledby="enduring-counts-title">
      <Title order={3} size="h5" id="enduring-counts-title">
        Enduring-material counts at 31 December
      </Title>
      <Text size="sm" c="dimmed">
        {FIELD_HELP['activity.enduringCounts']} The last year’s totals must equal the learner counts above.
      </Text>
      {years.length === 0 ? (
        <Text size="sm" c="dimmed">
          Enter the start and end dates first: there is one row per calendar year.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Year</Table.Th>
                <Table.Th>Physician learners</Table.Th>
                <Table.Th>Other learners</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {years.map((year, i) => {
                const entry = state.enduringCounts[String(year)] ?? {
                  physicianLearners: '',
                  otherLearners: '',
                };
                const rowError = entryError(year);
                return (
                  <Table.Tr key={year}>
                    <Table.Th scope="row">
                      {year}
                      {rowError && (
                        <Text size="xs" c="var(--mantine-color-error)" fw={400}>
                          {rowError}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <TextField
                        id={i === 0 ? fieldId('enduringCounts') : fieldId(`enduringCounts.year${year}`)}
                        label={`Physician learners at 31 December ${year}`}
                        help={FIELD_HELP['activity.enduring.physicianLearners']}
                        inputMode="numeric"
                        value={entry.physicianLearners}
                        onChange={(e) => setCount(year, 'physicianLearners', e.currentTarget.value)}
                        error={entryError(year, 'physicianLearners')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextField
                        label={`Other learners at 31 December ${year}`}
                        help={FIELD_HELP['activity.enduring.otherLearners']}
                        inputMode="numeric"
                        value={entry.otherLearners}
                        onChange={(e) => setCount(year, 'otherLearners', e.currentTarget.value)}
                        error={entryError(year, 'otherLearners')}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {groupError && (
        <Text size="sm" c="var(--mantine-color-error)">
          {groupError}
        </Text>
      )}
    </Stack>
  );
}
