import { SimpleGrid, Switch } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { REQUESTED_STATUSES } from '../../../../../src/modules/activities/activity.schema';
import { useProviderActivityIdOwner } from '../../../api/activities';
import {
  ChoiceField,
  DateField,
  MultiSelectField,
  SelectField,
  TagsField,
  TextareaField,
  TextField,
} from '../../../components/form/fields';
import { FIELD_HELP } from '../../../help/field-help';
import {
  codeOptions,
  deliveryMethodsFor,
  formatOptions,
  PROVIDERSHIP_LABELS,
  REGISTRATION_LABELS,
  REQUESTED_STATUS_LABELS,
} from '../../../lib/activity-labels';
import { DeliveryAndPlace } from './DeliveryAndPlace';
import type { FormApi } from './form-api';
import { emptyInstance, fieldId } from './form-state';
import { RepeatInstances } from './RepeatInstances';
import { Section, YES_NO_OPTIONS } from './Section';

const REQUESTED_OPTIONS = REQUESTED_STATUSES.map((s) => ({ value: s, label: REQUESTED_STATUS_LABELS[s] }));
const PROVIDERSHIP_OPTIONS = Object.entries(PROVIDERSHIP_LABELS).map(([value, label]) => ({ value, label }));
const REGISTRATION_OPTIONS = Object.entries(REGISTRATION_LABELS).map(([value, label]) => ({ value, label }));

export function BasicsSection({ form, parsActivityId }: { form: FormApi; parsActivityId?: number }) {
  const { state, set, change, error, errorUnder } = form;
  const [ownId] = useDebouncedValue(state.repeat ? '' : state.providerActivityId, 400);
  const owner = useProviderActivityIdOwner(ownId);
  const taken =
    owner.data && owner.data.parsActivityId !== parsActivityId
      ? `This ID is already used by activity ${owner.data.parsActivityId} (“${owner.data.title}”); choose another`
      : undefined;

  const changeFormat = (format: string) =>
    change('format', (s) => ({
      ...s,
      format,
      // A delivery method the new format does not take would be refused: clear it.
      deliveryMethod: deliveryMethodsFor(format).includes(s.deliveryMethod) ? s.deliveryMethod : '',
      instances: s.instances.map((i) =>
        deliveryMethodsFor(format).includes(i.deliveryMethod) ? i : { ...i, deliveryMethod: '' },
      ),
    }));

  return (
    <Section id="basics" title="Basics" intro="What the activity is and who provides it.">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField
          id={fieldId('providerActivityId')}
          label={state.repeat ? 'Your activity ID (shared)' : 'Your activity ID'}
          help={FIELD_HELP['activity.providerActivityId']}
          maxLength={50}
          value={state.providerActivityId}
          onChange={(e) => set('providerActivityId', e.currentTarget.value)}
          error={error('providerActivityId') ?? taken}
          description={
            state.repeat ? 'Instances without their own ID get this ID plus -01, -02 …' : undefined
          }
        />
        <SelectField
          id={fieldId('requestedStatus')}
          label="Requested status"
          help={FIELD_HELP['activity.requestedStatus']}
          data={REQUESTED_OPTIONS}
          value={state.requestedStatus || 'AUTO'}
          onChange={(v) => set('requestedStatus', v ?? 'AUTO')}
          allowDeselect={false}
          error={error('requestedStatus')}
        />
      </SimpleGrid>
      <TextField
        id={fieldId('title')}
        label="Title"
        help={FIELD_HELP['activity.title']}
        required
        value={state.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={error('title')}
      />
      <SelectField
        id={fieldId('format')}
        label="Format"
        help={FIELD_HELP['activity.format']}
        required
        data={formatOptions()}
        value={state.format || null}
        onChange={(v) => changeFormat(v ?? '')}
        searchable
        error={error('format')}
      />
      <TextareaField
        id={fieldId('description')}
        label="Description"
        help={FIELD_HELP['activity.description']}
        autosize
        minRows={3}
        maxRows={12}
        value={state.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        description={`${[...state.description.trim()].length} of 4,000 characters`}
        error={error('description')}
      />
      <ChoiceField
        id={fieldId('providership')}
        label="Providership"
        help={FIELD_HELP['activity.providership']}
        options={PROVIDERSHIP_OPTIONS}
        value={state.providership}
        onChange={(v) => set('providership', v)}
        error={error('providership')}
      />
      {state.providership === 'JOINT' && (
        <TagsField
          id={fieldId('jointProviders')}
          label="Joint providers"
          help={FIELD_HELP['activity.jointProviders']}
          value={state.jointProviders}
          onChange={(v) => set('jointProviders', v)}
          maxTags={20}
          error={errorUnder('jointProviders')}
          placeholder="Organisation name, then Enter"
        />
      )}
      <TagsField
        id={fieldId('topics')}
        label="Topics"
        help={FIELD_HELP['activity.topics']}
        value={state.topics}
        onChange={(v) => set('topics', v)}
        maxTags={20}
        error={errorUnder('topics')}
        placeholder="Topic, then Enter"
      />
    </Section>
  );
}

export function DatesSection({ form }: { form: FormApi }) {
  const { state, change } = form;
  const toggleRepeat = (on: boolean) =>
    change('repeat', (s) => ({
      ...s,
      repeat: on,
      // Start from the dates and place already typed, plus an empty second instance.
      instances:
        on && s.instances.length === 0
          ? [
              emptyInstance({
                startDate: s.startDate,
                endDate: s.endDate,
                deliveryMethod: s.deliveryMethod,
                city: s.city,
                state: s.state,
                country: s.country || 'USA',
              }),
              emptyInstance({ deliveryMethod: s.deliveryMethod, country: s.country || 'USA' }),
            ]
          : s.instances,
    }));

  return (
    <Section
      id="dates"
      title="Dates and places"
      intro="When the activity runs, how learners take part and, for in-person and hybrid activities, where."
    >
      {form.isNew && (
        <Switch
          label="Repeat this activity"
          description="Create 2–100 activities that share everything but their dates, place and ID — for example a course given in several cities."
          checked={state.repeat}
          onChange={(e) => toggleRepeat(e.currentTarget.checked)}
        />
      )}
      {state.repeat ? <RepeatInstances form={form} /> : <DatesAndPlace form={form} />}
    </Section>
  );
}

function DatesAndPlace({ form }: { form: FormApi }) {
  const { state, set, error } = form;
  const methods = deliveryMethodsFor(state.format);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          id={fieldId('startDate')}
          label="Start date"
          help={FIELD_HELP['activity.startDate']}
          required
          value={state.startDate}
          onChange={(e) => set('startDate', e.currentTarget.value)}
          error={error('startDate')}
        />
        <DateField
          id={fieldId('endDate')}
          label="End date"
          help={FIELD_HELP['activity.endDate']}
          required
          value={state.endDate}
          onChange={(e) => set('endDate', e.currentTarget.value)}
          error={error('endDate')}
        />
      </SimpleGrid>
      <DeliveryAndPlace
        form={form}
        pathPrefix=""
        value={state}
        methods={methods}
        onChange={(key, value) => set(key, value)}
      />
    </>
  );
}

export function CreditSection({ form }: { form: FormApi }) {
  const { state, set, error, errorUnder } = form;
  return (
    <Section
      id="credit"
      title="Credit and listing"
      intro="The credit designated, and what CME Passport shows when the activity is listed or registered for MOC."
    >
      <TextField
        id={fieldId('creditsDesignated')}
        label="AMA PRA Category 1 Credits™ designated"
        help={FIELD_HELP['activity.creditsDesignated']}
        inputMode="decimal"
        value={state.creditsDesignated}
        onChange={(e) => set('creditsDesignated', e.currentTarget.value)}
        error={error('creditsDesignated')}
        maw={320}
      />
      <ChoiceField
        id={fieldId('listInPassport')}
        label="List in CME Passport"
        help={FIELD_HELP['activity.listInPassport']}
        options={YES_NO_OPTIONS}
        value={state.listInPassport}
        onChange={(v) => set('listInPassport', v as typeof state.listInPassport)}
        error={error('listInPassport')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ChoiceField
          id={fieldId('hasFee')}
          label="Participation fee"
          help={FIELD_HELP['activity.hasFee']}
          options={YES_NO_OPTIONS}
          value={state.hasFee}
          onChange={(v) => set('hasFee', v as typeof state.hasFee)}
          error={error('hasFee')}
        />
        <ChoiceField
          id={fieldId('registration')}
          label="Registration"
          help={FIELD_HELP['activity.registration']}
          options={REGISTRATION_OPTIONS}
          value={state.registration}
          onChange={(v) => set('registration', v)}
          error={error('registration')}
        />
      </SimpleGrid>
      <TextField
        id={fieldId('activityUrl')}
        label="Activity URL"
        help={FIELD_HELP['activity.activityUrl']}
        type="url"
        placeholder="https://"
        maxLength={500}
        value={state.activityUrl}
        onChange={(e) => set('activityUrl', e.currentTarget.value)}
        error={error('activityUrl')}
      />
      <MultiSelectField
        id={fieldId('outcomeMeasures')}
        label="Outcome measures"
        help={FIELD_HELP['activity.outcomeMeasures']}
        data={codeOptions('outcome-measures')}
        value={state.outcomeMeasures}
        onChange={(v) => set('outcomeMeasures', v)}
        maxValues={5}
        error={errorUnder('outcomeMeasures')}
        placeholder={state.outcomeMeasures.length ? undefined : 'Choose up to 5'}
      />
    </Section>
  );
}
