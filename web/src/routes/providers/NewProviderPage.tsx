import { Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useCodeOptions } from '../../api/codes';
import { useAccreditors, useCreateProvider } from '../../api/providers';
import { ACCREDITATION_STATUSES, type AccreditationStatus } from '../../api/types';
import { FormAlert } from '../../components/form/FormAlert';
import { DateField, SelectField, TextField } from '../../components/form/fields';
import { Page } from '../../components/Page';
import { ProviderPlaceFields } from '../../components/provider/ProviderPlaceFields';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';
import { ACCREDITATION_STATUS_LABELS } from '../../lib/labels';
import { useSession } from '../../lib/session';

type NewProviderValues = {
  name: string;
  organizationType: string;
  accreditorId: string;
  accreditationStatus: AccreditationStatus;
  termStart: string;
  termEnd: string;
  city: string;
  state: string;
  country: string;
  website: string;
  contactName: string;
  contactEmail: string;
};

const FIELDS = [
  'name',
  'organizationType',
  'accreditorId',
  'accreditationStatus',
  'termStart',
  'termEnd',
  'city',
  'state',
  'country',
  'website',
  'primaryContact.name',
  'primaryContact.email',
];

const STATUS_OPTIONS = ACCREDITATION_STATUSES.map((s) => ({
  value: s,
  label: ACCREDITATION_STATUS_LABELS[s],
}));

/** Creates a provider with its initial decision and invites its Primary Contact (decisions.md §3). */
export function NewProviderPage() {
  const { organization } = useSession();
  const navigate = useNavigate();
  const create = useCreateProvider();
  const accreditors = useAccreditors();
  const types = useCodeOptions('provider-types');
  const [values, setValues] = useState<NewProviderValues>({
    name: '',
    organizationType: '',
    accreditorId: organization ? String(organization.id) : '',
    accreditationStatus: 'APPLICANT',
    termStart: '',
    termEnd: '',
    city: '',
    state: '',
    country: 'USA',
    website: '',
    contactName: '',
    contactEmail: '',
  });
  const set = <K extends keyof NewProviderValues>(key: K, value: NewProviderValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const errors = fieldErrors(create.error);

  // The ACCME administrator may place a provider with any accreditor; other accreditors create their own.
  const own = accreditors.data?.find((a) => String(a.id) === String(organization?.id));
  const mayChooseAccreditor = own?.accreditorKind === 'ACCME';
  const accreditorOptions = (accreditors.data ?? [])
    .filter((a) => mayChooseAccreditor || String(a.id) === String(organization?.id))
    .map((a) => ({ value: String(a.id), label: a.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank = (s: string) => s.trim() || null;
    const accreditor = accreditors.data?.find((a) => String(a.id) === values.accreditorId);
    create.mutate(
      {
        name: values.name.trim(),
        organizationType: values.organizationType,
        accreditorId: accreditor?.id ?? values.accreditorId,
        accreditationStatus: values.accreditationStatus,
        termStart: blank(values.termStart),
        termEnd: blank(values.termEnd),
        city: blank(values.city),
        state: blank(values.state),
        country: blank(values.country),
        website: blank(values.website),
        primaryContact: { name: values.contactName.trim(), email: values.contactEmail.trim() },
      },
      {
        onSuccess: (provider) => {
          notifications.show({
            color: 'green',
            title: 'Provider created',
            message: `${provider.name} has provider number ${provider.providerNumber}. An invitation was sent to ${values.contactEmail.trim()}.`,
          });
          navigate({ to: '/providers/$id', params: { id: String(provider.id) } });
        },
      },
    );
  };

  return (
    <Page
      title="New provider"
      intro="Creates the provider, records its initial accreditation decision and invites its Primary Contact."
    >
      <form onSubmit={submit} noValidate aria-label="New provider">
        <Stack gap="lg" maw={760}>
          <FormAlert error={create.error} fields={FIELDS} title="The provider was not created" />
          <Card withBorder padding="lg">
            <Stack gap="md">
              <Title order={2} size="h4">
                Provider
              </Title>
              <TextField
                label="Name"
                help={FIELD_HELP['provider.name']}
                required
                maxLength={200}
                value={values.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={errors.name}
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
              />
              <ProviderPlaceFields values={values} onChange={set} errors={errors} />
            </Stack>
          </Card>
          <Card withBorder padding="lg">
            <Stack gap="md">
              <Title order={2} size="h4">
                Accreditation
              </Title>
              <SelectField
                label="Accreditor"
                help={FIELD_HELP['provider.accreditorId']}
                required
                data={accreditorOptions}
                value={values.accreditorId || null}
                onChange={(v) => set('accreditorId', v ?? '')}
                error={errors.accreditorId}
                disabled={!mayChooseAccreditor}
                allowDeselect={false}
              />
              <SelectField
                label="Accreditation status"
                help={FIELD_HELP['provider.accreditationStatus']}
                required
                data={STATUS_OPTIONS}
                value={values.accreditationStatus}
                onChange={(v) => v && set('accreditationStatus', v as AccreditationStatus)}
                error={errors.accreditationStatus}
                allowDeselect={false}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField
                  label="Term start"
                  help={FIELD_HELP['provider.termStart']}
                  value={values.termStart}
                  onChange={(e) => set('termStart', e.currentTarget.value)}
                  error={errors.termStart}
                />
                <DateField
                  label="Term end"
                  help={FIELD_HELP['provider.termEnd']}
                  value={values.termEnd}
                  onChange={(e) => set('termEnd', e.currentTarget.value)}
                  error={errors.termEnd}
                />
              </SimpleGrid>
            </Stack>
          </Card>
          <Card withBorder padding="lg">
            <Stack gap="md">
              <Title order={2} size="h4">
                Primary Contact
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextField
                  label="Contact name"
                  help={FIELD_HELP['provider.primaryContact.name']}
                  required
                  value={values.contactName}
                  onChange={(e) => set('contactName', e.currentTarget.value)}
                  error={errors['primaryContact.name']}
                />
                <TextField
                  label="Contact email"
                  help={FIELD_HELP['provider.primaryContact.email']}
                  type="email"
                  required
                  value={values.contactEmail}
                  onChange={(e) => set('contactEmail', e.currentTarget.value)}
                  error={errors['primaryContact.email']}
                />
              </SimpleGrid>
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => navigate({ to: '/providers' })}
              disabled={create.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create provider
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
