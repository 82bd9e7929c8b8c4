import { Alert, Anchor, Card, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ActivityValidation, Requirement, RuleMessage } from '../../../api/activities';
import { ActivityStatusBadge } from '../../../components/StatusBadge';
import { activityStatusLabel, fieldLabel } from '../../../lib/activity-labels';
import { draftRequirementOf, type FormCheck } from './form-check';

type StatusPanelProps = {
  check: FormCheck;
  onFocusField: (path: string) => void;
  /** The server's answer to "Check", and whether the form changed since. */
  validation: { result: ActivityValidation; stale: boolean } | null;
  children: ReactNode;
};

/** "Status if saved": the live result of the rules, what stops a save, what is still missing. */
export function StatusPanel({ check, onFocusField, validation, children }: StatusPanelProps) {
  return (
    <Card withBorder padding="md" component="aside" aria-labelledby="status-panel-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="status-panel-title">
          Status if saved
        </Title>
        {/* One short sentence is announced as the status changes, not the whole list on each keystroke. */}
        <VisuallyHidden aria-live="polite" aria-atomic>
          {summaryOf(check)}
        </VisuallyHidden>
        <LiveStatus check={check} onFocusField={onFocusField} />
        {check.warnings.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Notes
            </Text>
            <MessageList messages={check.warnings} onFocusField={onFocusField} />
          </div>
        )}
        {validation && <ServerCheck validation={validation} onFocusField={onFocusField} />}
        {children}
      </Stack>
    </Card>
  );
}

/** The status in one sentence: for the live announcement and the narrow-screen summary. */
export function summaryOf(check: FormCheck): string {
  if (check.errors.length > 0)
    return `Cannot be saved yet: ${check.errors.length === 1 ? 'one thing' : `${check.errors.length} things`} to fix.`;
  if (!check.status || !check.targetStatus) return '';
  const status = `Status if saved: ${activityStatusLabel(check.status)}`;
  if (check.targetStatus === 'DRAFT' || check.missing.length === 0) return `${status}.`;
  return `${status}, ${check.missing.length} missing for ${activityStatusLabel(check.targetStatus)}.`;
}

function LiveStatus({ check, onFocusField }: { check: FormCheck; onFocusField: (path: string) => void }) {
  if (check.errors.length > 0) {
    return (
      <Stack gap={6}>
        <Text size="sm">
          <strong>Cannot be saved yet.</strong>{' '}
          {check.errors.length === 1 ? 'One thing to fix:' : `${check.errors.length} things to fix:`}
        </Text>
        <MessageList messages={check.errors} onFocusField={onFocusField} />
      </Stack>
    );
  }
  if (!check.status || !check.targetStatus) return null;
  const target = activityStatusLabel(check.targetStatus);
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm">Status:</Text>
        <ActivityStatusBadge status={check.status} />
      </Group>
      {check.targetStatus === 'DRAFT' ? (
        <Text size="sm">Kept as a draft, as requested. Change the requested status when it is ready.</Text>
      ) : check.missing.length === 0 ? (
        <Text size="sm">Nothing missing for {target}.</Text>
      ) : (
        <>
          <Text size="sm">
            Still missing for {target} ({check.missing.length}):
          </Text>
          <RequirementList items={check.missing} onFocusField={onFocusField} />
        </>
      )}
    </Stack>
  );
}

export function RequirementList({
  items,
  onFocusField,
}: {
  items: Requirement[];
  onFocusField?: (path: string) => void;
}) {
  return (
    <List size="sm" spacing={4} aria-label="Missing requirements">
      {items.map((m) => (
        <List.Item key={`${m.requirement}-${m.field}-${m.message}`}>
          <FieldLink
            path={m.field}
            label={`${m.requirement} · ${fieldLabel(m.field)}`}
            onFocusField={onFocusField}
          />
          <Text span size="sm">
            {' '}
            — {m.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function MessageList({
  messages,
  onFocusField,
}: {
  messages: RuleMessage[];
  onFocusField: (path: string) => void;
}) {
  return (
    <List size="sm" spacing={4}>
      {messages.map((m) => {
        const draft = draftRequirementOf(m.path);
        const label = `${draft ? `${draft} · ` : ''}${fieldLabel(m.path)}`;
        return (
          <List.Item key={`${m.path}-${m.code}-${m.message}`}>
            {m.path ? <FieldLink path={m.path} label={label} onFocusField={onFocusField} /> : null}
            <Text span size="sm">
              {m.path ? ' — ' : ''}
              {m.message}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}

function FieldLink({
  path,
  label,
  onFocusField,
}: {
  path: string;
  label: string;
  onFocusField?: (path: string) => void;
}) {
  if (!onFocusField) {
    return (
      <Text span size="sm" fw={600}>
        {label}
      </Text>
    );
  }
  return (
    <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onFocusField(path)}>
      {label}
    </Anchor>
  );
}

function ServerCheck({
  validation,
  onFocusField,
}: {
  validation: { result: ActivityValidation; stale: boolean };
  onFocusField: (path: string) => void;
}) {
  const { result, stale } = validation;
  return (
    <Alert
      color={result.valid ? 'blue' : 'red'}
      title={result.valid ? 'OpenPARS check: would be saved' : 'OpenPARS check: would be refused'}
    >
      <Stack gap={6}>
        {stale && (
          <Text size="sm" fs="italic">
            You changed the form since this check.
          </Text>
        )}
        {result.valid && result.status && (
          <Group gap="xs">
            <Text size="sm">Status:</Text>
            <ActivityStatusBadge status={result.status} />
          </Group>
        )}
        {result.errors.length > 0 && <MessageList messages={result.errors} onFocusField={onFocusField} />}
        {result.valid && result.missingRequirements.length > 0 && result.targetStatus && (
          <>
            <Text size="sm">Still missing for {activityStatusLabel(result.targetStatus)}:</Text>
            <RequirementList items={result.missingRequirements} onFocusField={onFocusField} />
          </>
        )}
        {result.warnings.length > 0 && <MessageList messages={result.warnings} onFocusField={onFocusField} />}
      </Stack>
    </Alert>
  );
}
