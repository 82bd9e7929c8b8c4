import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCreateApiKey } from '../../api/api-keys';
import type { CreatedApiKey } from '../../api/types';
import { FormAlert } from '../../components/form/FormAlert';
import { TextField } from '../../components/form/fields';
import { FIELD_HELP } from '../../help/field-help';
import { fieldErrors } from '../../lib/field-errors';

type CreateApiKeyModalProps = {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
};

export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const [name, setName] = useState('');
  const create = useCreateApiKey();
  const errors = fieldErrors(create.error);

  const close = () => {
    setName('');
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (key) => {
          setName('');
          create.reset();
          onCreated(key);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Create API key">
      <form onSubmit={submit} noValidate aria-label="Create API key">
        <Stack gap="md">
          <FormAlert error={create.error} fields={['name']} title="The key was not created" />
          <TextField
            label="Name"
            help={FIELD_HELP['apiKey.name']}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
