import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { CreatedApiKey } from '../../api/types';

/** Shows a new key's secret, the only time it is ever shown (the server keeps only its hash). */
export function NewKeyModal({ apiKey, onClose }: { apiKey: CreatedApiKey; onClose: () => void }) {
  return (
    <Modal
      opened
      onClose={onClose}
      title={`API key “${apiKey.name}” created`}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Alert color="red" title="Copy the key now">
          This is the only time the key is shown. Store it in your system’s secret store; if it is lost,
          revoke it and create a new one.
        </Alert>
        <Code block aria-label="API key" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
          {apiKey.key}
        </Code>
        <Group justify="space-between">
          <CopyButton value={apiKey.key}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'green' : undefined}
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            I have stored the key
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Use it as “Authorization: Bearer {apiKey.prefix}…”.
        </Text>
      </Stack>
    </Modal>
  );
}
