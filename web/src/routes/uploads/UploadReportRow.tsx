import { Badge, Code, List, Stack, Table, Text } from '@mantine/core';
import { type ReportRow, useActivityByKey } from '../../api/uploads';
import { AnchorLink } from '../../components/links';
import { ActivityStatusBadge } from '../../components/StatusBadge';
import { activityStatusLabel } from '../../lib/activity-labels';
import type { activityLinkKind } from '../../lib/upload-access';
import { OUTCOME_COLORS, OUTCOME_LABELS } from './upload-labels';

// One row of an upload's report: its key, outcome, status and every message, with a link to the
// activity where the viewer may open it.

type LinkKind = ReturnType<typeof activityLinkKind>;
type RowProps = {
  row: ReportRow;
  dryRun: boolean;
  /** the upload's provider (organisation id): keys are looked up there only */
  providerId: number;
  linkKind: LinkKind;
};

export function ReportRowView({ row, dryRun, providerId, linkKind }: RowProps) {
  const errors = row.errors ?? [];
  const warnings = row.warnings ?? [];
  const missing = row.missing ?? [];
  return (
    <Table.Tr>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td>
        {row.parsActivityId && !dryRun && linkKind ? (
          <AnchorLink to="/activities/$id" params={{ id: String(row.parsActivityId) }}>
            {row.key ?? row.parsActivityId}
          </AnchorLink>
        ) : (
          (row.key ?? '—')
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={OUTCOME_COLORS[row.outcome] ?? 'gray'}>
          {OUTCOME_LABELS[row.outcome] ?? row.outcome}
        </Badge>
        {row.change && row.outcome === 'SAVED_WITH_LOWER_STATUS' && (
          <Text size="xs" c="dimmed">
            {row.change.toLowerCase()}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.status ? <ActivityStatusBadge status={row.status} size="sm" /> : '—'}
        {row.targetStatus && row.targetStatus !== row.status && (
          <Text size="xs" c="dimmed">
            target: {activityStatusLabel(row.targetStatus)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          {errors.length > 0 && (
            <List size="sm" spacing={4} aria-label={`Reasons row ${row.row} was rejected`}>
              {errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no identity of their own
                <List.Item key={i}>
                  <Code>{e.code}</Code>
                  {(e.columnName || e.path) && <> in column “{e.columnName ?? e.path}”</>}
                  {e.value !== undefined && e.value !== null && e.value !== '' && (
                    <> (value “{String(e.value)}”)</>
                  )}
                  : {e.message}
                </List.Item>
              ))}
            </List>
          )}
          {missing.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                Missing for {row.targetStatus ? activityStatusLabel(row.targetStatus) : 'the target status'}:
              </Text>
              <List size="sm" spacing={4}>
                {missing.map((m) => (
                  <List.Item key={`${m.requirement}-${m.field ?? ''}`}>
                    <Code>{m.requirement}</Code>
                    {m.field && <> ({m.field})</>} {m.message}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {warnings.length > 0 && (
            // Body-coloured text: yellow on white is too faint to read (WCAG contrast); the word marks it.
            <List size="sm" spacing={4} aria-label={`Warnings about row ${row.row}`}>
              {warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity of their own
                <List.Item key={i}>
                  <strong>Warning</strong> <Code>{w.code}</Code>
                  {w.columnName && <> in column “{w.columnName}”</>}: {w.message}
                </List.Item>
              ))}
            </List>
          )}
          {(row.outcome === 'REJECTED' || row.outcome === 'SAVED_WITH_LOWER_STATUS') && linkKind && (
            <FixLink row={row} dryRun={dryRun} providerId={providerId} linkKind={linkKind} />
          )}
          {errors.length === 0 && missing.length === 0 && warnings.length === 0 && (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * "Fix this activity" when the row names a stored activity, by its PARS ID or its key: the edit form for
 * the provider's editors, the activity's page for accreditor staff, who read but do not edit it.
 */
function FixLink({ row, dryRun, providerId, linkKind }: RowProps & { linkKind: 'edit' | 'view' }) {
  // A dry run's IDs for new rows were never saved: look the key up instead.
  const saved = dryRun ? null : row.parsActivityId;
  const byKey = useActivityByKey(row.key, providerId, !saved);
  const id = saved ?? byKey.data?.parsActivityId;
  if (!id) return null;
  const params = { id: String(id) };
  return linkKind === 'edit' ? (
    <AnchorLink to="/activities/$id/edit" params={params} size="sm" fw={600}>
      Fix this activity
    </AnchorLink>
  ) : (
    <AnchorLink to="/activities/$id" params={params} size="sm" fw={600}>
      Open this activity
    </AnchorLink>
  );
}
