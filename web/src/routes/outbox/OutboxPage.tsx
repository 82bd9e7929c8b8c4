import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useOutbox } from '../../api/outbox';
import { useInstance } from '../../api/session';
import type { OutboxMessage } from '../../api/types';
import { TextField } from '../../components/form/fields';
import { LinkifiedText } from '../../components/LinkifiedText';
import { EmptyNote, LoadError, Loading } from '../../components/LoadState';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { FIELD_HELP } from '../../help/field-help';
import { formatDateTime } from '../../lib/dates';

export function OutboxPage() {
  const outbox = useOutbox();
  const { data: instance } = useInstance();
  const [to, setTo] = useState('');

  const intro = instance?.demo
    ? 'This demo instance sends no email. Every message it would send is kept here, newest first, so you can follow invitation and password reset links.'
    : 'Mail written to the outbox because no mail server is configured, newest first.';

  const messages = (outbox.data ?? []).filter((m) => m.to.toLowerCase().includes(to.trim().toLowerCase()));

  return (
    <Page title="Outbox" intro={intro}>
      <TextField
        label="Recipient"
        help={FIELD_HELP['outbox.to']}
        placeholder="name@example.org"
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        maw={360}
      />
      {outbox.isPending && <Loading label="Loading mail…" />}
      {outbox.isError &&
        (isApiError(outbox.error, 'REQ-UNAUTHENTICATED') || isApiError(outbox.error, 'REQ-FORBIDDEN') ? (
          <Text size="sm">
            The outbox is open to operator administrators only. <AnchorLink to="/login">Sign in</AnchorLink>{' '}
            with an operator account.
          </Text>
        ) : (
          <LoadError error={outbox.error} onRetry={() => outbox.refetch()} />
        ))}
      {outbox.isSuccess && messages.length === 0 && (
        <EmptyNote>{to ? 'No mail to that recipient.' : 'The outbox is empty.'}</EmptyNote>
      )}
      {messages.length > 0 && (
        <Accordion variant="separated" multiple aria-label="Messages">
          {messages.map((message) => (
            <OutboxItem key={message.id} message={message} />
          ))}
        </Accordion>
      )}
    </Page>
  );
}

function OutboxItem({ message }: { message: OutboxMessage }) {
  return (
    <Accordion.Item value={String(message.id)}>
      <Accordion.Control>
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {message.subject}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Text size="xs" c="dimmed" className="break-anywhere">
              To {message.to}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(message.createdAt)}
            </Text>
            <Badge size="xs" color="gray">
              {message.status}
            </Badge>
          </Group>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <LinkifiedText text={message.bodyText} />
      </Accordion.Panel>
    </Accordion.Item>
  );
}
