import { SimpleGrid, Text } from '@mantine/core';
import { SelectField, TextField } from '../../../components/form/fields';
import { FIELD_HELP } from '../../../help/field-help';
import { codeLabel, codeOptions } from '../../../lib/activity-labels';
import type { FormApi } from './form-api';
import { fieldId, locationApplies } from './form-state';

type PlaceKey = 'deliveryMethod' | 'city' | 'state' | 'country';

/** Delivery method, and city/state/country when the activity is in person or hybrid. */
export function DeliveryAndPlace({
  form,
  pathPrefix,
  value,
  methods,
  onChange,
  compact,
}: {
  form: FormApi;
  pathPrefix: string;
  value: Record<PlaceKey, string>;
  methods: string[];
  onChange: (key: PlaceKey, value: string) => void;
  compact?: boolean;
}) {
  const { error } = form;
  const path = (key: string) => `${pathPrefix}${key}`;
  if (!form.state.format) {
    return (
      <Text size="sm" c="dimmed">
        Choose the format first: it decides which delivery methods apply.
      </Text>
    );
  }
  if (methods.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {codeLabel('activity-types', form.state.format)} activities take no delivery method or location.
      </Text>
    );
  }
  const located = locationApplies(value.deliveryMethod);
  return (
    <>
      <SelectField
        id={fieldId(path('deliveryMethod'))}
        label="Delivery method"
        help={FIELD_HELP['activity.deliveryMethod']}
        data={methods.map((m) => ({ value: m, label: codeLabel('delivery-methods', m) }))}
        value={value.deliveryMethod || null}
        onChange={(v) => onChange('deliveryMethod', v ?? '')}
        clearable
        error={error(path('deliveryMethod'))}
        maw={compact ? undefined : 420}
      />
      {located && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField
            id={fieldId(path('city'))}
            label="City"
            help={FIELD_HELP['activity.city']}
            maxLength={100}
            value={value.city}
            onChange={(e) => onChange('city', e.currentTarget.value)}
            error={error(path('city'))}
          />
          <SelectField
            id={fieldId(path('country'))}
            label="Country"
            help={FIELD_HELP['activity.country']}
            data={codeOptions('countries')}
            value={value.country || null}
            onChange={(v) => onChange('country', v ?? '')}
            searchable
            clearable
            error={error(path('country'))}
          />
          {(value.country === 'USA' || value.country === '') && (
            <SelectField
              id={fieldId(path('state'))}
              label="State"
              help={FIELD_HELP['activity.state']}
              data={codeOptions('states').map((o) => ({ value: o.value, label: `${o.label} (${o.value})` }))}
              value={value.state || null}
              onChange={(v) => onChange('state', v ?? '')}
              searchable
              clearable
              error={error(path('state'))}
            />
          )}
        </SimpleGrid>
      )}
    </>
  );
}
