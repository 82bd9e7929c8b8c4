import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useCodeOptions } from '../../api/codes';
import { type ProviderProfileInput, useUpdateProvider } from '../../api/providers';
import type { Organization, ProviderProfile } from '../../api/types';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';
import { FormAlert } from '../form/FormAlert';
import { SelectField, TagsField, TextField } from '../form/fields';
import { ProviderPlaceFields } from './ProviderPlaceFields';

type ProfileValues = {
  name: string;
  otherNames: string[];
  organizationType: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  website: string;
};

const FIELDS = [
  'name',
  'otherNames',
  'organizationType',
  'street',
  'city',
  'state',
  'postalCode',
  'country',
  'website',
] as const;

function initialValues(organization: Organization, provider: ProviderProfile): ProfileValues {
  return {
    name: organization.name,
    otherNames: provider.otherNames,
    organizationType: provider.organizationType,
    street: provider.street ?? '',
    city: provider.city ?? '',
    state: provider.state ?? '',
    postalCode: provider.postalCode ?? '',
    country: provider.country ?? '',
    website: provider.website ?? '',
  };
}

// Address and website may be cleared; name and type are required and are sent as typed.
const CLEARABLE = new Set<string>(['street', 'city', 'state', 'postalCode', 'country', 'website']);

// A merge-patch carries only what changed, so two people editing different fields do not undo each other.
function changes(before: ProfileValues, after: ProfileValues): ProviderProfileInput {
  const patch: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    const value = after[field];
    if (typeof value !== 'string') patch[field] = value;
    else patch[field] = CLEARABLE.has(field) ? value.trim() || null : value.trim();
  }
  return patch as ProviderProfileInput;
}

type ProviderProfileFormProps = {
  organization: Organization;
  provider: ProviderProfile;
  onDone: () => void;
};

/** Edits the profile fields of a provider (not its status or term, which only decisions change). */
export function ProviderProfileForm({ organization, provider, onDone }: ProviderProfileFormProps) {
  const [initial] = useState(() => initialValues(organization, provider));
  const [values, setValues] = useState(initial);
  const update = useUpdateProvider(organization.id);
  const types = useCodeOptions('provider-types');
  const errors = fieldErrors(update.error);
  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = changes(initial, values);
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(patch, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Profile saved.' });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit profile">
      <Stack gap="md">
        <FormAlert error={update.error} fields={FIELDS} />
        <TextField
          label="Name"
          help={FIELD_HELP['provider.name']}
          required
          maxLength={200}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <TagsField
          label="Other names"
          help={FIELD_HELP['provider.otherNames']}
          value={values.otherNames}
          onChange={(v) => set('otherNames', v)}
          error={errors.otherNames}
          clearable
        />
        <SelectField
          label="Organisation type"
          help={FIELD_HELP['provider.organizationType']}
          required
          data={types.options}
          value={values.organizationType || null}
          onChange={(v) => set('organizationType', v ?? '')}
          error={errors.organizationType}
          searchable
          allowDeselect={false}
        />
        <TextField
          label="Street"
          help={FIELD_HELP['provider.street']}
          autoComplete="street-address"
          value={values.street}
          onChange={(e) => set('street', e.currentTarget.value)}
          error={errors.street}
        />
        <TextField
          label="Postal code"
          help={FIELD_HELP['provider.postalCode']}
          autoComplete="postal-code"
          value={values.postalCode}
          onChange={(e) => set('postalCode', e.currentTarget.value)}
          error={errors.postalCode}
        />
        <ProviderPlaceFields values={values} onChange={set} errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
