import { Badge, Button, Card, Checkbox, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DEFAULT_BOARD_RULES } from '../../../../../src/modules/activities/activity.rules';
import type { ListEntry } from '../../../api/activities';
import {
  CheckboxField,
  ChoiceField,
  DateField,
  MultiSelectField,
  SelectField,
  TextareaField,
  TextField,
} from '../../../components/form/fields';
import { FIELD_HELP } from '../../../help/field-help';
import {
  certifyingBoards,
  codeLabel,
  codeOptions,
  creditTypesOf,
  MIPS_CRITERIA,
  mocAttestationText,
  PRACTICE_TYPE_LABELS,
  REGISTRATION_LABELS,
  REMS_TYPE_LABELS,
} from '../../../lib/activity-labels';
import { formatDateTime } from '../../../lib/dates';
import type { FormApi } from './form-api';
import { type ActivityFormState, emptyMoc, fieldId, type MocState, parseNumber } from './form-state';
import { Section, YES_NO_OPTIONS } from './Section';
import { CountGrid } from './SupportLearnersSections';

const SAME = { value: '', label: 'Same as the activity' };
const FEE_OVERRIDE = [SAME, ...YES_NO_OPTIONS];
const REGISTRATION_OVERRIDE = [
  SAME,
  ...Object.entries(REGISTRATION_LABELS).map(([value, label]) => ({ value, label })),
];

export function MocSection({ form }: { form: FormApi }) {
  const { state, change } = form;
  const [pick, setPick] = useState<string | null>(null);
  const registered = state.mocRegistrations.map((m) => m.board);
  const available = certifyingBoards()
    .filter((b) => !registered.includes(b.code))
    .map((b) => ({ value: b.code, label: `${b.code} — ${b.name}` }));

  const add = () => {
    if (!pick) return;
    change('mocRegistrations', (s) => ({ ...s, mocRegistrations: [...s.mocRegistrations, emptyMoc(pick)] }));
    setPick(null);
  };

  return (
    <Section id="moc" title="MOC / Continuing Certification" intro={FIELD_HELP['activity.mocRegistrations']}>
      {state.mocRegistrations.length === 0 && (
        <Text size="sm" c="dimmed">
          Not registered with any certifying board.
        </Text>
      )}
      {state.mocRegistrations.map((registration, index) => (
        <MocRegistrationCard key={registration.key} form={form} index={index} registration={registration} />
      ))}
      {available.length > 0 && (
        <Group align="flex-end" gap="sm">
          <SelectField
            id={fieldId('mocRegistrations')}
            label="Register with a certifying board"
            help={FIELD_HELP['activity.moc.board']}
            data={available}
            value={pick}
            onChange={setPick}
            searchable
            placeholder="Choose a board"
            style={{ flex: '1 1 260px' }}
          />
          <Button variant="default" onClick={add} disabled={!pick}>
            Add board
          </Button>
        </Group>
      )}
    </Section>
  );
}

/** Options of a board list: the active entries, plus inactive ones this registration still uses. */
function areaOptions(list: ListEntry[] | undefined, chosen: string[]) {
  if (!list) return chosen.map((code) => ({ value: code, label: code }));
  return list
    .filter((e) => e.active || chosen.includes(e.code))
    .map((e) => ({ value: e.code, label: e.active ? e.name : `${e.name} (no longer offered)` }));
}

function MocRegistrationCard({
  form,
  index,
  registration: reg,
}: {
  form: FormApi;
  index: number;
  registration: MocState;
}) {
  const { change, error, errorUnder } = form;
  const path = `mocRegistrations.${index}`;
  const boardName = codeLabel('boards', reg.board);
  const lists = form.boardLists[reg.board];
  const types = creditTypesOf(reg.board);
  const needsContent = Boolean(DEFAULT_BOARD_RULES[reg.board]?.requiresContentAreas);
  const showContent = needsContent || (lists?.contentAreas.length ?? 0) > 0 || reg.contentAreas.length > 0;

  const update = (key: string, patch: (m: MocState) => MocState) =>
    change(`${path}.${key}`, (s: ActivityFormState) => ({
      ...s,
      mocRegistrations: s.mocRegistrations.map((m, k) => (k === index ? patch(m) : m)),
    }));
  const setValue = <K extends keyof MocState>(key: K, value: MocState[K]) =>
    update(key, (m) => ({ ...m, [key]: value }));
  const remove = () =>
    change('mocRegistrations', (s) => ({
      ...s,
      mocRegistrations: s.mocRegistrations.filter((_, k) => k !== index),
    }));
  const toggleType = (code: string, on: boolean) =>
    update('creditTypes', (m) => ({
      ...m,
      creditTypes: on
        ? [...m.creditTypes, { code, amount: '' }]
        : m.creditTypes.filter((c) => c.code !== code),
    }));
  const setAmount = (code: string, amount: string) =>
    update(`creditTypes.${code}`, (m) => ({
      ...m,
      creditTypes: m.creditTypes.map((c) => (c.code === code ? { ...c, amount } : c)),
    }));

  return (
    <Card withBorder padding="md" role="group" aria-labelledby={`${fieldId(path)}-title`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={`${fieldId(path)}-title`}>
            {reg.board} — {boardName}
          </Title>
          <Button
            variant="subtle"
            color="red"
            c="red.9"
            size="compact-sm"
            onClick={remove}
            aria-label={`Remove the ${reg.board} registration`}
          >
            Remove
          </Button>
        </Group>

        <Stack gap={6} role="group" aria-labelledby={`${fieldId(path)}-types`}>
          <Text size="sm" fw={500} id={`${fieldId(path)}-types`}>
            {reg.board} credit types and amounts
          </Text>
          <Text size="xs" c="dimmed">
            {FIELD_HELP['activity.moc.creditTypes']}
          </Text>
          {types.map((t, i) => {
            const j = reg.creditTypes.findIndex((c) => c.code === t.code);
            const chosen = j >= 0 ? reg.creditTypes[j] : undefined;
            return (
              <Group key={t.code} gap="sm" align="flex-start" wrap="wrap">
                <Checkbox
                  id={i === 0 ? fieldId(`${path}.creditTypes`) : fieldId(`${path}.creditTypes.${t.code}`)}
                  label={
                    <>
                      {t.code} — {t.name}
                      {t.provisional === 'yes' && (
                        <Badge ml={6} size="sm" color="gray">
                          provisional
                        </Badge>
                      )}
                    </>
                  }
                  checked={Boolean(chosen)}
                  onChange={(e) => toggleType(t.code, e.currentTarget.checked)}
                  error={j >= 0 ? error(`${path}.creditTypes.${j}.code`) : undefined}
                  style={{ flex: '1 1 260px' }}
                  mt={chosen ? 30 : 0}
                />
                {chosen && (
                  <TextField
                    id={fieldId(`${path}.creditTypes.${j}.amount`)}
                    label={`${reg.board} ${t.code} amount`}
                    help={`Credits or points registered for ${t.code}: 0.25 up to the credits designated, in steps of 0.25.`}
                    inputMode="decimal"
                    value={chosen.amount}
                    onChange={(e) => setAmount(t.code, e.currentTarget.value)}
                    error={error(`${path}.creditTypes.${j}.amount`)}
                    w={180}
                  />
                )}
              </Group>
            );
          })}
          {error(`${path}.creditTypes`) && (
            <Text size="sm" c="var(--mantine-color-error)">
              {error(`${path}.creditTypes`)}
            </Text>
          )}
        </Stack>

        <MultiSelectField
          id={fieldId(`${path}.practiceAreas`)}
          label={`${reg.board} practice areas`}
          help={FIELD_HELP['activity.moc.practiceAreas']}
          data={areaOptions(lists?.practiceAreas, reg.practiceAreas)}
          value={reg.practiceAreas}
          onChange={(v) => setValue('practiceAreas', v)}
          searchable
          error={errorUnder(`${path}.practiceAreas`)}
          nothingFoundMessage={lists ? 'No such practice area' : 'Loading the board’s list…'}
        />
        {showContent && (
          <MultiSelectField
            id={fieldId(`${path}.contentAreas`)}
            label={`${reg.board} content areas`}
            help={FIELD_HELP['activity.moc.contentAreas']}
            data={areaOptions(lists?.contentAreas, reg.contentAreas)}
            value={reg.contentAreas}
            onChange={(v) => setValue('contentAreas', v)}
            searchable
            error={errorUnder(`${path}.contentAreas`)}
            nothingFoundMessage={lists ? 'No such content area' : 'Loading the board’s list…'}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField
            id={fieldId(`${path}.internalId`)}
            label={`${reg.board} board activity ID`}
            help={FIELD_HELP['activity.moc.internalId']}
            maxLength={50}
            value={reg.internalId}
            onChange={(e) => setValue('internalId', e.currentTarget.value)}
            error={error(`${path}.internalId`)}
          />
          <DateField
            id={fieldId(`${path}.claimDate`)}
            label={`${reg.board} MOC claim date`}
            help={FIELD_HELP['activity.moc.claimDate']}
            value={reg.claimDate}
            onChange={(e) => setValue('claimDate', e.currentTarget.value)}
            error={error(`${path}.claimDate`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ChoiceField
            id={fieldId(`${path}.hasFee`)}
            label={`${reg.board} participation fee`}
            help={FIELD_HELP['activity.moc.hasFee']}
            options={FEE_OVERRIDE}
            value={reg.hasFee}
            onChange={(v) => setValue('hasFee', v as MocState['hasFee'])}
            error={error(`${path}.hasFee`)}
          />
          <ChoiceField
            id={fieldId(`${path}.registration`)}
            label={`${reg.board} registration`}
            help={FIELD_HELP['activity.moc.registration']}
            options={REGISTRATION_OVERRIDE}
            value={reg.registration}
            onChange={(v) => setValue('registration', v)}
            error={error(`${path}.registration`)}
          />
        </SimpleGrid>
        <TextField
          id={fieldId(`${path}.activityUrl`)}
          label={`${reg.board} activity URL`}
          help={FIELD_HELP['activity.moc.activityUrl']}
          type="url"
          placeholder="Same as the activity URL"
          maxLength={500}
          value={reg.activityUrl}
          onChange={(e) => setValue('activityUrl', e.currentTarget.value)}
          error={error(`${path}.activityUrl`)}
        />
        <Checkbox
          id={fieldId(`${path}.attestedAt`)}
          label={`I confirm the ${reg.board} attestation`}
          description={
            <>
              {mocAttestationText(boardName)}
              {reg.attestedAt && reg.attested && <> Confirmed {formatDateTime(reg.attestedAt)}.</>}
            </>
          }
          checked={reg.attested}
          onChange={(e) => setValue('attested', e.currentTarget.checked)}
          error={error(`${path}.attestedAt`) ?? error(`${path}.attested`)}
        />
      </Stack>
    </Card>
  );
}

export function RemsSection({ form }: { form: FormApi }) {
  const { state, set, change, error, errorUnder } = form;
  const rems = state.rems;
  const setRems = <K extends keyof ActivityFormState['rems']>(key: K, value: ActivityFormState['rems'][K]) =>
    change(`rems.${key}`, (s) => ({ ...s, rems: { ...s.rems, [key]: value } }));
  const setCount = (key: 'byProfession' | 'byPracticeType', code: string, value: string) =>
    change(`rems.${key}.${code}`, (s) => ({
      ...s,
      rems: { ...s.rems, [key]: { ...s.rems[key], [code]: value } },
    }));
  const physicians = parseNumber(state.physicianLearnerCount, true);
  const others = parseNumber(state.otherLearnerCount, true);
  const learners =
    physicians !== null && others !== null && !Number.isNaN(physicians + others) ? physicians + others : null;
  const total = { label: 'physician and other learners', value: learners };
  const sectionOptions = (form.blueprintSections ?? [])
    .filter((e) => e.active || rems.blueprintSections.includes(e.code))
    .map((e) => ({ value: e.code, label: e.name }));

  return (
    <Section
      id="rems"
      title="FDA Opioid Analgesic REMS"
      intro="Only for activities that teach the FDA Opioid Analgesic REMS Education Blueprint."
    >
      <CheckboxField
        id={fieldId('rems')}
        label="This is a REMS activity"
        help={FIELD_HELP['activity.rems']}
        checked={state.isRems}
        onChange={(e) => set('isRems', e.currentTarget.checked)}
      />
      {state.isRems && (
        <>
          <ChoiceField
            id={fieldId('rems.type')}
            label="REMS type"
            help={FIELD_HELP['activity.rems.type']}
            options={Object.entries(REMS_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            value={rems.type}
            onChange={(v) => setRems('type', v)}
            error={error('rems.type')}
          />
          {rems.type === 'RELATED' && (
            <MultiSelectField
              id={fieldId('rems.blueprintSections')}
              label="Blueprint sections covered"
              help={FIELD_HELP['activity.rems.blueprintSections']}
              data={sectionOptions.length ? sectionOptions : rems.blueprintSections}
              value={rems.blueprintSections}
              onChange={(v) => setRems('blueprintSections', v)}
              error={errorUnder('rems.blueprintSections')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextField
              id={fieldId('rems.rpcId')}
              label="RPC ID"
              help={FIELD_HELP['activity.rems.rpcId']}
              maxLength={30}
              value={rems.rpcId}
              onChange={(e) => setRems('rpcId', e.currentTarget.value)}
              error={error('rems.rpcId')}
            />
            <TextField
              id={fieldId('rems.prescribersLastYear')}
              label="Prescribed opioid analgesics in the last 12 months"
              help={FIELD_HELP['activity.rems.prescribersLastYear']}
              inputMode="numeric"
              value={rems.prescribersLastYear}
              onChange={(e) => setRems('prescribersLastYear', e.currentTarget.value)}
              error={error('rems.prescribersLastYear')}
            />
            <TextField
              id={fieldId('rems.deaIndividual')}
              label="DEA registered, individual"
              help={FIELD_HELP['activity.rems.deaIndividual']}
              inputMode="numeric"
              value={rems.deaIndividual}
              onChange={(e) => setRems('deaIndividual', e.currentTarget.value)}
              error={error('rems.deaIndividual')}
            />
            <TextField
              id={fieldId('rems.deaInstitutional')}
              label="DEA registered, institutional"
              help={FIELD_HELP['activity.rems.deaInstitutional']}
              inputMode="numeric"
              value={rems.deaInstitutional}
              onChange={(e) => setRems('deaInstitutional', e.currentTarget.value)}
              error={error('rems.deaInstitutional')}
            />
          </SimpleGrid>
          <CountGrid
            form={form}
            path="rems.byProfession"
            title="REMS participants by profession"
            help={FIELD_HELP['activity.rems.byProfession']}
            codes={codeOptions('rems-professions')}
            values={rems.byProfession}
            onChange={(code, value) => setCount('byProfession', code, value)}
            total={total}
          />
          <CountGrid
            form={form}
            path="rems.byPracticeType"
            title="REMS participants by practice type"
            help={FIELD_HELP['activity.rems.byPracticeType']}
            codes={Object.entries(PRACTICE_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            values={rems.byPracticeType}
            onChange={(code, value) => setCount('byPracticeType', code, value)}
            total={total}
          />
        </>
      )}
    </Section>
  );
}

export function MipsSection({ form }: { form: FormApi }) {
  const { state, change, error } = form;
  const mips = state.mips;
  const setMips = <K extends keyof ActivityFormState['mips']>(key: K, value: ActivityFormState['mips'][K]) =>
    change(`mips.${key}`, (s) => ({ ...s, mips: { ...s.mips, [key]: value } }));
  return (
    <Section
      id="mips"
      title="MIPS Improvement Activity"
      intro="Shown in CME Passport. OpenPARS sends nothing to CMS; clinicians attest themselves."
    >
      <ChoiceField
        id={fieldId('mips.improvementActivity')}
        label="Meets the MIPS Improvement Activity expectations"
        help={FIELD_HELP['activity.mips.improvementActivity']}
        options={YES_NO_OPTIONS}
        value={mips.improvementActivity}
        onChange={(v) =>
          setMips('improvementActivity', v as ActivityFormState['mips']['improvementActivity'])
        }
        error={error('mips.improvementActivity')}
      />
      {mips.improvementActivity === 'yes' && (
        <>
          <TextareaField
            id={fieldId('mips.participationDefinition')}
            label="How meaningful participation is defined and documented"
            help={FIELD_HELP['activity.mips.participationDefinition']}
            autosize
            minRows={3}
            maxRows={10}
            value={mips.participationDefinition}
            onChange={(e) => setMips('participationDefinition', e.currentTarget.value)}
            error={error('mips.participationDefinition')}
          />
          <div>
            <Text size="sm" id="mips-criteria">
              The activity:
            </Text>
            <List size="sm" type="ordered" spacing={2} aria-labelledby="mips-criteria">
              {MIPS_CRITERIA.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          </div>
          <Checkbox
            id={fieldId('mips.attestedAt')}
            label="I attest that the activity meets these five criteria"
            description={
              mips.attested && mips.attestedAt ? `Attested ${formatDateTime(mips.attestedAt)}.` : undefined
            }
            checked={mips.attested}
            onChange={(e) => setMips('attested', e.currentTarget.checked)}
            error={error('mips.attestedAt') ?? error('mips.attested')}
          />
        </>
      )}
    </Section>
  );
}
