import { SimpleGrid } from '@mantine/core';
import { useCodeOptions } from '../../api/codes';
import { FIELD_HELP } from '../../help/field-help';
import { SelectField, TextField } from '../form/fields';

export type PlaceValues = { city: string; state: string; country: string; website: string };

/** City, state, country and website of a provider: the same fields in the new-provider and profile forms. */
export function ProviderPlaceFields({
  values,
  onChange,
  errors,
}: {
  values: PlaceValues;
  onChange: (key: keyof PlaceValues, value: string) => void;
  errors: Partial<Record<string, string>>;
}) {
  const states = useCodeOptions('states');
  const countries = useCodeOptions('countries');
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField
          label="City"
          help={FIELD_HELP['provider.city']}
          autoComplete="address-level2"
          value={values.city}
          onChange={(e) => onChange('city', e.currentTarget.value)}
          error={errors.city}
        />
        <SelectField
          label="State"
          help={FIELD_HELP['provider.state']}
          data={states.options}
          value={values.state || null}
          onChange={(v) => onChange('state', v ?? '')}
          error={errors.state}
          searchable
          clearable
        />
        <SelectField
          label="Country"
          help={FIELD_HELP['provider.country']}
          data={countries.options}
          value={values.country || null}
          onChange={(v) => onChange('country', v ?? '')}
          error={errors.country}
          searchable
          clearable
        />
      </SimpleGrid>
      <TextField
        label="Website"
        help={FIELD_HELP['provider.website']}
        type="url"
        placeholder="https://"
        value={values.website}
        onChange={(e) => onChange('website', e.currentTarget.value)}
        error={errors.website}
      />
    </>
  );
}
