import { Alert, Anchor, Box, Button, Grid, Group, List, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useBlocker, useNavigate } from '@tanstack/react-router';
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  type Activity,
  type RepeatResult,
  type SavedActivity,
  useActivity,
  useCreateActivity,
  useRepeatActivity,
  useReplaceActivity,
  useValidateActivity,
} from '../../api/activities';
import { ApiError, errorMessage } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError, Loading } from '../../components/LoadState';
import { AnchorLink } from '../../components/links';
import { Page } from '../../components/Page';
import { ActivityStatusBadge } from '../../components/StatusBadge';
import { fieldLabel } from '../../lib/activity-labels';
import { BasicsSection, CreditSection, DatesSection } from './form/CoreSections';
import type { FormApi } from './form/form-api';
import { checkForm, messagesByPath } from './form/form-check';
import {
  type ActivityFormState,
  activityToForm,
  emptyActivityForm,
  fieldId,
  formToInput,
  instanceActivityInput,
  repeatInputs,
} from './form/form-state';
import { MipsSection, MocSection, RemsSection } from './form/MocRemsMipsSections';
import { StatusPanel, summaryOf } from './form/StatusPanel';
import { LearnersSection, SupportSection } from './form/SupportLearnersSections';
import { useActivityRuleContext } from './form/use-rule-context';

/** `/activities/new` and `/activities/$id/edit`. */
export function ActivityFormPage({ id, focus }: { id?: string; focus?: string }) {
  if (!id) return <ActivityForm />;
  return <EditActivity id={id} focus={focus} />;
}

function EditActivity({ id, focus }: { id: string; focus?: string }) {
  const activity = useActivity(id);
  if (activity.isPending) {
    return (
      <Page title="Edit activity">
        <Loading label="Loading the activity…" />
      </Page>
    );
  }
  if (activity.isError) {
    return (
      <Page title="Edit activity">
        <LoadError error={activity.error} onRetry={() => activity.refetch()} />
      </Page>
    );
  }
  // Keyed by id only: a background refetch must not wipe what the person is typing. The version read
  // here goes with the save (If-Match), so a change made meanwhile by someone else is caught.
  return <ActivityForm key={id} activity={activity.data} focus={focus} />;
}

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Focuses the control of a field path, or of the nearest enclosing path that has one. */
export function focusField(path: string): void {
  let p = path;
  while (p) {
    const el = document.getElementById(fieldId(p));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return;
    }
    const cut = p.lastIndexOf('.');
    if (cut < 0) return;
    p = p.slice(0, cut);
  }
}

function ActivityForm({ activity, focus }: { activity?: Activity; focus?: string }) {
  const isNew = !activity;
  const navigate = useNavigate();
  const [state, setState] = useState<ActivityFormState>(() =>
    activity ? activityToForm(activity) : emptyActivityForm(),
  );
  const [baseVersion] = useState(activity?.version ?? 0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  // Fields changed since the last save attempt: the server's message about them no longer applies.
  const [changedSinceSave, setChangedSinceSave] = useState<ReadonlySet<string>>(() => new Set());
  // An existing record shows every message at once; a new one as its fields are filled.
  const [submitted, setSubmitted] = useState(!isNew);
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [repeatResult, setRepeatResult] = useState<RepeatResult | null>(null);
  const [checkedState, setCheckedState] = useState<ActivityFormState | null>(null);
  const dirty = useRef(false);

  const rules = useActivityRuleContext(state);
  const check = useMemo(() => checkForm(state, rules.ctx), [state, rules.ctx]);

  const create = useCreateActivity();
  const replace = useReplaceActivity(activity?.parsActivityId ?? 0);
  const repeat = useRepeatActivity();
  const validate = useValidateActivity(activity?.parsActivityId);
  const saving = create.isPending || replace.isPending || repeat.isPending;
  const saveError = isNew ? (state.repeat ? repeat.error : create.error) : replace.error;

  const localErrors = useMemo(() => messagesByPath(check.errors), [check.errors]);
  const apiErrors = useMemo(
    () => messagesByPath(saveError instanceof ApiError ? saveError.errors : []),
    [saveError],
  );

  const blocker = useBlocker({
    shouldBlockFn: () => dirty.current,
    enableBeforeUnload: () => dirty.current,
    withResolver: true,
  });

  useEffect(() => {
    if (!focus) return;
    const timer = window.setTimeout(() => focusField(focus), 150);
    return () => window.clearTimeout(timer);
  }, [focus]);

  const serverError = (path: string) =>
    [...changedSinceSave].some((c) => related(path, c)) ? undefined : apiErrors[path];
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const visible = (path: string) => submitted || [...touched].some((t) => related(path, t));
  const form: FormApi = {
    state,
    change: (path, update) => {
      dirty.current = true;
      setState(update);
      setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
      setChangedSinceSave((t) => (t.has(path) ? t : new Set(t).add(path)));
    },
    set: (key, value) => form.change(key, (s) => ({ ...s, [key]: value })),
    error: (path) => (visible(path) ? localErrors[path] : undefined) ?? serverError(path),
    errorUnder: (path) => {
      const messages = new Set<string>();
      for (const source of [localErrors, apiErrors]) {
        for (const [p, message] of Object.entries(source)) {
          const shown = source === apiErrors ? serverError(p) !== undefined : visible(p);
          if ((p === path || p.startsWith(`${path}.`)) && shown) messages.add(message);
        }
      }
      return messages.size ? [...messages].join(' ') : undefined;
    },
    isNew,
    jointAccreditation: rules.jointAccreditation,
    boardLists: rules.boardLists,
    blueprintSections: rules.blueprintSections,
  };

  const finish = (saved: SavedActivity, verb: string) => {
    dirty.current = false;
    const id = String(saved.parsActivityId);
    notifications.show({
      color: 'green',
      title: `Activity ${verb}`,
      message: `PARS ID ${id}${saved.providerActivityId ? ` (${saved.providerActivityId})` : ''} is now ${saved.status.toLowerCase().replaceAll('_', ' ')}.`,
    });
    if (saved.warnings?.length) {
      notifications.show({
        color: 'yellow',
        title: 'Saved with notes',
        autoClose: false,
        message: (
          <List size="sm">
            {saved.warnings.map((w) => (
              <List.Item key={`${w.path}-${w.code}`}>{w.message}</List.Item>
            ))}
          </List>
        ),
      });
    }
    navigate({ to: '/activities/$id', params: { id } });
  };

  const save = () => {
    setSubmitted(true);
    setChangedSinceSave(new Set());
    const first = check.errors[0];
    if (first) {
      focusField(first.path);
      return;
    }
    if (isNew && state.repeat) {
      repeat.mutate(
        { ...repeatInputs(state), idempotencyKey },
        {
          onSuccess: (result) => {
            dirty.current = false;
            setIdempotencyKey(newKey());
            setRepeatResult(result);
            window.scrollTo({ top: 0 });
          },
        },
      );
    } else if (isNew) {
      create.mutate(
        { input: formToInput(state), idempotencyKey },
        { onSuccess: (saved) => finish(saved, 'created') },
      );
    } else {
      replace.mutate(
        { input: formToInput(state), version: baseVersion },
        { onSuccess: (saved) => finish(saved, 'saved') },
      );
    }
  };

  const runCheck = () => {
    const input = state.repeat ? instanceActivityInput(state, 0) : formToInput(state);
    validate.mutate(input, { onSuccess: () => setCheckedState(state) });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  // Enter in a one-line field should not send a half-filled form; buttons and text areas keep Enter.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
  };

  if (repeatResult) {
    return (
      <RepeatCreated
        result={repeatResult}
        onList={() => navigate({ to: '/activities' })}
        onNew={() => {
          setRepeatResult(null);
          setState(emptyActivityForm());
          setTouched(new Set());
          setSubmitted(false);
          repeat.reset();
          validate.reset();
        }}
      />
    );
  }

  const title = isNew ? 'New activity' : `Edit activity ${activity.parsActivityId}`;
  const cancelTo = isNew ? undefined : String(activity.parsActivityId);
  const saveLabel = isNew
    ? state.repeat
      ? `Create ${state.instances.length} activities`
      : 'Save activity'
    : 'Save changes';

  return (
    <Page
      title={title}
      intro={
        isNew
          ? 'Only the title, format and dates are needed to save a draft. The panel shows the status the activity would have and what it still needs.'
          : activity.title
      }
    >
      {cancelTo ? (
        <AnchorLink to="/activities/$id" params={{ id: cancelTo }} size="sm">
          ← Back to the activity
        </AnchorLink>
      ) : (
        <AnchorLink to="/activities" size="sm">
          ← All activities
        </AnchorLink>
      )}
      <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={title}>
        <Box hiddenFrom="md" mb="md">
          <StatusSummary check={check} />
        </Box>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <BasicsSection form={form} parsActivityId={activity?.parsActivityId} />
              <DatesSection form={form} />
              <CreditSection form={form} />
              <SupportSection form={form} />
              <LearnersSection form={form} />
              <MocSection form={form} />
              <RemsSection form={form} />
              <MipsSection form={form} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Box className="sticky-panel">
              <StatusPanel
                check={check}
                onFocusField={focusField}
                validation={validate.data ? { result: validate.data, stale: checkedState !== state } : null}
              >
                {saveError ? <SaveError error={saveError} /> : null}
                {validate.isError && (
                  <Alert color="red" title="The check did not run" role="alert">
                    {errorMessage(validate.error)}
                  </Alert>
                )}
                {submitted && check.errors.length > 0 && (
                  <Text size="sm" c="var(--mantine-color-error)" role="alert">
                    Fix the {check.errors.length === 1 ? 'problem' : 'problems'} listed above to save.
                  </Text>
                )}
                <Group gap="sm">
                  <Button type="submit" loading={saving}>
                    {saveLabel}
                  </Button>
                  <Button variant="default" onClick={runCheck} loading={validate.isPending} disabled={saving}>
                    Check
                  </Button>
                  <Button
                    variant="subtle"
                    onClick={() =>
                      cancelTo
                        ? navigate({ to: '/activities/$id', params: { id: cancelTo } })
                        : navigate({ to: '/activities' })
                    }
                    disabled={saving}
                  >
                    Cancel
                  </Button>
                </Group>
              </StatusPanel>
            </Box>
          </Grid.Col>
        </Grid>
      </form>
      <ConfirmDialog
        opened={blocker.status === 'blocked'}
        title="Leave without saving?"
        confirmLabel="Leave without saving"
        destructive
        onConfirm={() => {
          dirty.current = false;
          blocker.proceed?.();
        }}
        onClose={() => blocker.reset?.()}
      >
        Your changes to this activity have not been saved and will be lost.
      </ConfirmDialog>
    </Page>
  );
}

/** Narrow screens, where the panel comes after the form: the status in one line, and a way to it. */
function StatusSummary({ check }: { check: ReturnType<typeof checkForm> }) {
  const text = summaryOf(check);
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">{text}</Text>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => document.getElementById('status-panel-title')?.scrollIntoView({ block: 'start' })}
      >
        See the details
      </Anchor>
    </Group>
  );
}

function SaveError({ error }: { error: unknown }) {
  const issues = error instanceof ApiError ? error.errors : [];
  const versionMismatch = error instanceof ApiError && error.code === 'REQ-VERSION-MISMATCH';
  return (
    <Alert color="red" title="Not saved" role="alert">
      <Stack gap={6}>
        <Text size="sm">{errorMessage(error)}</Text>
        {issues.length > 0 && (
          <List size="sm" spacing={4}>
            {issues.map((issue) => (
              <List.Item key={`${issue.path}-${issue.code}-${issue.message}`}>
                {issue.path ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={600}
                    onClick={() => focusField(issue.path)}
                  >
                    {fieldLabel(issue.path)}
                  </Anchor>
                ) : null}
                {issue.path ? ' — ' : ''}
                {issue.message}
              </List.Item>
            ))}
          </List>
        )}
        {versionMismatch && (
          <Group>
            <Button size="xs" variant="outline" color="red" onClick={() => window.location.reload()}>
              Reload the current version
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function RepeatCreated({
  result,
  onList,
  onNew,
}: {
  result: RepeatResult;
  onList: () => void;
  onNew: () => void;
}) {
  return (
    <Page title="Activities created" intro="One activity per instance, all in one repeat group.">
      <Alert color="green" title={`${result.items.length} activities created`}>
        Each is now an independent activity with its own status, counts and learners.
      </Alert>
      <Table.ScrollContainer minWidth={420}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>PARS ID</Table.Th>
              <Table.Th>Your ID</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.items.map((item) => (
              <Table.Tr key={item.parsActivityId}>
                <Table.Td>
                  <AnchorLink to="/activities/$id" params={{ id: String(item.parsActivityId) }}>
                    {item.parsActivityId}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{item.providerActivityId}</Table.Td>
                <Table.Td>
                  <ActivityStatusBadge status={item.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button onClick={onList}>Go to activities</Button>
        <Button variant="default" onClick={onNew}>
          New activity
        </Button>
      </Group>
    </Page>
  );
}
