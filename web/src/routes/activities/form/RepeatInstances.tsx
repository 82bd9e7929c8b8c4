import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateField, TextField } from '../../../components/form/fields';
import { FIELD_HELP } from '../../../help/field-help';
import { deliveryMethodsFor } from '../../../lib/activity-labels';
import { DeliveryAndPlace } from './DeliveryAndPlace';
import type { FormApi } from './form-api';
import { emptyInstance, fieldId, generatedInstanceId, type InstanceState } from './form-state';

export const MIN_INSTANCES = 2;
export const MAX_INSTANCES = 100;

/** The instances of a repeat group: each one's own dates, delivery method, place and optional ID. */
export function RepeatInstances({ form }: { form: FormApi }) {
  const { state, change, error } = form;
  const methods = deliveryMethodsFor(state.format);
  const count = state.instances.length;

  const setInstance = (index: number, key: keyof InstanceState, value: string) =>
    change(`instances.${index}.${key}`, (s) => ({
      ...s,
      instances: s.instances.map((i, k) => (k === index ? { ...i, [key]: value } : i)),
    }));
  const add = () =>
    change('instances', (s) => {
      const last = s.instances[s.instances.length - 1];
      return {
        ...s,
        instances: [
          ...s.instances,
          emptyInstance({ deliveryMethod: last?.deliveryMethod ?? '', country: last?.country || 'USA' }),
        ],
      };
    });
  const remove = (index: number) =>
    change('instances', (s) => ({ ...s, instances: s.instances.filter((_, k) => k !== index) }));

  return (
    <Stack gap="sm">
      <Text size="sm">{FIELD_HELP['activity.repeat']}</Text>
      {state.instances.map((instance, index) => {
        const prefix = `instances.${index}.`;
        const generated = generatedInstanceId(state.providerActivityId, index, count);
        const label = `Instance ${index + 1}`;
        return (
          <Card
            key={instance.key}
            withBorder
            padding="md"
            role="group"
            aria-labelledby={`${fieldId(prefix)}title`}
          >
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" id={`${fieldId(prefix)}title`}>
                {label}
              </Title>
              <Button
                variant="subtle"
                color="red"
                c="red.9"
                size="compact-sm"
                onClick={() => remove(index)}
                disabled={count <= MIN_INSTANCES}
                aria-label={`Remove instance ${index + 1}`}
              >
                Remove
              </Button>
            </Group>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <DateField
                  id={fieldId(`${prefix}startDate`)}
                  label={`Start date, instance ${index + 1}`}
                  help={FIELD_HELP['activity.startDate']}
                  required
                  value={instance.startDate}
                  onChange={(e) => setInstance(index, 'startDate', e.currentTarget.value)}
                  error={error(`${prefix}startDate`)}
                />
                <DateField
                  id={fieldId(`${prefix}endDate`)}
                  label={`End date, instance ${index + 1}`}
                  help={FIELD_HELP['activity.endDate']}
                  required
                  value={instance.endDate}
                  onChange={(e) => setInstance(index, 'endDate', e.currentTarget.value)}
                  error={error(`${prefix}endDate`)}
                />
                <TextField
                  id={fieldId(`${prefix}providerActivityId`)}
                  label={`Own ID, instance ${index + 1}`}
                  help={FIELD_HELP['activity.repeat.providerActivityId']}
                  maxLength={50}
                  placeholder={generated ?? 'None'}
                  value={instance.providerActivityId}
                  onChange={(e) => setInstance(index, 'providerActivityId', e.currentTarget.value)}
                  error={error(`${prefix}providerActivityId`)}
                />
              </SimpleGrid>
              <DeliveryAndPlace
                form={form}
                pathPrefix={prefix}
                value={instance}
                methods={methods}
                onChange={(key, value) => setInstance(index, key, value)}
                compact
              />
            </Stack>
          </Card>
        );
      })}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status">
          {count} instances (2–100).
        </Text>
        <Button variant="default" onClick={add} disabled={count >= MAX_INSTANCES} id={fieldId('instances')}>
          Add instance
        </Button>
      </Group>
    </Stack>
  );
}
